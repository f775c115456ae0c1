package io.telcoflow.client.internal.transport;

import java.security.GeneralSecurityException;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.client.tls.ClientCertificate;
import io.telcoflow.client.tls.TrustMaterial;
import org.jspecify.annotations.Nullable;

/**
 * Builds the TLS context of the configuration.
 */
public final class SslContexts {

	private SslContexts() {
	}

	/**
	 * Returns the context for {@code wss://}: the configured one, one built from the client
	 * certificate and trust material, or {@code null} for the JDK's default.
	 * @param config the configuration
	 * @return the context, or {@code null}
	 */
	public static @Nullable SSLContext of(TelcoflowConfig config) {
		if (config.getSslContext() != null) {
			return config.getSslContext();
		}
		ClientCertificate certificate = config.getClientCertificate();
		TrustMaterial trust = config.getTrustMaterial();
		if (certificate == null && trust == null) {
			return null;
		}
		KeyManager[] keyManagers = (certificate != null) ? certificate.keyManagers() : null;
		TrustManager[] trustManagers = (trust != null) ? trust.trustManagers() : null;
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers, trustManagers, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Invalid Telcoflow TLS settings: cannot create a TLS context", ex);
		}
	}

}
