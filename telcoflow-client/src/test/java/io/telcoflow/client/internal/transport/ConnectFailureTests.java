package io.telcoflow.client.internal.transport;

import javax.net.ssl.SSLHandshakeException;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;

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
	void refusedUpgradesAreClassifiedByTheResponseStatus() {
		assertThat(classify(refused(401)).kind()).isEqualTo(ConnectFailure.Kind.AUTHENTICATION);
		assertThat(classify(refused(401)).status()).isEqualTo(401);
		assertThat(classify(refused(403)).kind()).isEqualTo(ConnectFailure.Kind.AUTHENTICATION);
		assertThat(classify(refused(404)).kind()).isEqualTo(ConnectFailure.Kind.NOT_FOUND);
		assertThat(classify(refused(503)).kind()).isEqualTo(ConnectFailure.Kind.REFUSED);
		assertThat(classify(refused(503)).getMessage()).contains("HTTP 503", "wss://h/v1/control");
	}

	@Test
	void aStatusInAMessageIsNotParsed() {
		// the status comes from the stack's response object, never from an exception's text
		assertThat(classify(new Exception("The HTTP response from the server [401] did not permit")).kind())
			.isEqualTo(ConnectFailure.Kind.NETWORK);
	}

	private static WebSocketClientHandshakeException refused(int status) {
		return new WebSocketClientHandshakeException("Invalid handshake response getStatus: " + status,
				new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status)));
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
