package io.telcoflow.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Details required to connect to a Telcoflow server. By default they come from the
 * {@code telcoflow.*} properties; define a bean of this type (as the simulator test support or a
 * container connection does) to take precedence.
 * <p>
 * Exactly one form of authentication must result: an {@link #getApiKey() API key} with its
 * {@link #getConnectorUuid() connector UUID}, or an {@link #getSslBundle() SSL bundle} holding an
 * mTLS client key. An SSL bundle without a key may go with an API key: it then only provides the
 * trust material for the server's certificate.
 */
public interface TelcoflowConnectionDetails extends ConnectionDetails {

	/**
	 * Returns the server's base URL, {@code wss://host[:port]} ({@code ws://} for loopback).
	 * @return the URL
	 */
	String getUrl();

	/**
	 * Returns the API key; sensitive, never log it.
	 * @return the API key, or {@code null} with mTLS
	 */
	default @Nullable String getApiKey() {
		return null;
	}

	/**
	 * Returns the connector UUID that goes with the API key.
	 * @return the UUID, or {@code null} with mTLS
	 */
	default @Nullable String getConnectorUuid() {
		return null;
	}

	/**
	 * Returns the SSL bundle with the mTLS client key and the trust material.
	 * @return the bundle, or {@code null} for API-key authentication with the JDK's trust store
	 */
	default @Nullable SslBundle getSslBundle() {
		return null;
	}

}
