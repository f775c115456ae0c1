package io.telcoflow.client.internal.transport;

import java.util.Locale;

import javax.net.ssl.SSLException;

import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import org.jspecify.annotations.Nullable;

/**
 * Why a WebSocket connection could not be opened.
 */
public final class ConnectFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private static final String[] CERTIFICATE_ALERTS = { "bad_certificate", "certificate_unknown",
			"certificate_required", "unknown_ca", "access_denied", "certificate_expired", "certificate_revoked",
			"unsupported_certificate" };

	/**
	 * Kinds of failure.
	 */
	public enum Kind {

		/** HTTP 401 or 403, or a TLS handshake the server aborted over the client certificate. */
		AUTHENTICATION,

		/** HTTP 404: the media URL's call is unknown or over. */
		NOT_FOUND,

		/** HTTP 503 or another refusal: try again later. */
		REFUSED,

		/** The network or TLS failed, or the handshake timed out. */
		NETWORK

	}

	private final Kind kind;

	private final int status;

	/**
	 * Creates a failure.
	 * @param kind the kind
	 * @param status the HTTP status, or 0
	 * @param message a description
	 * @param cause the underlying failure
	 */
	public ConnectFailure(Kind kind, int status, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.status = status;
	}

	/**
	 * Returns the kind of failure.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Returns the HTTP status of a refused upgrade.
	 * @return the status, or 0
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Classifies a failure of the WebSocket stack.
	 * @param failure what the stack threw
	 * @param target the URL, for the message
	 * @param clientCertificate whether a client certificate was offered
	 * @return the classified failure
	 */
	static ConnectFailure classify(Throwable failure, String target, boolean clientCertificate) {
		if (failure instanceof ConnectFailure connectFailure) {
			return connectFailure;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = (cause.getMessage() != null) ? cause.getMessage() : "";
			if (cause instanceof WebSocketClientHandshakeException handshake && handshake.response() != null) {
				int status = handshake.response().status().code();
				return new ConnectFailure(kindOf(status), status,
						"Server refused the WebSocket upgrade to " + target + " with HTTP " + status, null);
			}
			if (cause instanceof SSLException && isCertificateAlert(message)) {
				return new ConnectFailure(Kind.AUTHENTICATION, 0, "Server rejected the TLS handshake to " + target
						+ ((clientCertificate) ? " over the client certificate" : " (no client certificate sent)")
						+ ": " + message, cause);
			}
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return new ConnectFailure(Kind.NETWORK, 0,
				"Cannot open WebSocket connection to " + target + ": " + describe(root), failure);
	}

	private static Kind kindOf(int status) {
		if (status == 401 || status == 403) {
			return Kind.AUTHENTICATION;
		}
		return (status == 404) ? Kind.NOT_FOUND : Kind.REFUSED;
	}

	private static boolean isCertificateAlert(String message) {
		String lower = message.toLowerCase(Locale.ROOT);
		if (!lower.contains("alert")) {
			return false;
		}
		for (String alert : CERTIFICATE_ALERTS) {
			if (lower.contains(alert)) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable root) {
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? " (" + root.getMessage() + ")" : "");
	}

}
