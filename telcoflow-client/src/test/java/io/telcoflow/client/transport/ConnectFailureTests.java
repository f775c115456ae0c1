package io.telcoflow.client.transport;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the classification of connect failures.
 */
class ConnectFailureTests {

	private static ConnectFailure classify(Throwable failure) {
		return ConnectFailure.classify(new RuntimeException("wrapped", failure), "wss://h/v1/control", true);
	}

	@Test
	void refusedUpgradesAreClassifiedByStatus() {
		assertThat(classify(new Exception("The HTTP response from the server [401] did not permit the HTTP upgrade to "
				+ "WebSocket")).kind()).isEqualTo(ConnectFailure.Kind.AUTHENTICATION);
		assertThat(classify(new Exception("Failed to handle HTTP response code [401]. Missing [WWW-Authenticate] "
				+ "header in response")).status()).isEqualTo(401);
		assertThat(classify(new Exception("The HTTP response from the server [403] did not permit")).kind())
			.isEqualTo(ConnectFailure.Kind.AUTHENTICATION);
		assertThat(classify(new Exception("The HTTP response from the server [404] did not permit")).kind())
			.isEqualTo(ConnectFailure.Kind.NOT_FOUND);
		assertThat(classify(new Exception("The HTTP response from the server [503] did not permit")).kind())
			.isEqualTo(ConnectFailure.Kind.REFUSED);
	}

	@Test
	void certificateAlertsAreAuthenticationFailuresButServerTrustIsNot() {
		assertThat(classify(new SSLHandshakeException("Received fatal alert: bad_certificate")).kind())
			.isEqualTo(ConnectFailure.Kind.AUTHENTICATION);
		assertThat(classify(new SSLHandshakeException("Received fatal alert: certificate_required")).kind())
			.isEqualTo(ConnectFailure.Kind.AUTHENTICATION);
		assertThat(classify(new SSLHandshakeException("PKIX path building failed")).kind())
			.isEqualTo(ConnectFailure.Kind.NETWORK);
	}

	@Test
	void networkFailuresNameTheTargetAndTheRootCause() {
		ConnectFailure failure = classify(new java.net.ConnectException("Connection refused"));
		assertThat(failure.kind()).isEqualTo(ConnectFailure.Kind.NETWORK);
		assertThat(failure.getMessage()).contains("wss://h/v1/control", "ConnectException", "Connection refused");
	}

}
