package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.client.exception.WssAuthenticationException;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.client.exception.WssCallCommandTimeoutException;
import io.telcoflow.client.exception.WssCallException;
import io.telcoflow.client.exception.WssConnectionException;
import io.telcoflow.client.exception.WssException;
import io.telcoflow.client.exception.WssMediaException;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client's entry points and the exception hierarchy.
 */
class ClientApiTests {

	private final SimulatorFixture fixture = new SimulatorFixture();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void createdClientConnectsAsynchronouslyAndServesCalls() throws Exception {
		TelcoflowClient client = TelcoflowClient.create(this.fixture.config().build());
		try {
			RecordingClientListener listener = new RecordingClientListener();
			client.addListener(listener);
			client.onIncomingCall(ActiveCall::answer);
			CompletableFuture<Void> connected = client.connectAsync();
			assertThat(client.connectAsync()).isSameAs(connected);
			connected.get();
			client.ready();
			SimulatedCall call = this.fixture.simulator.placeCall(CallScript.defaults());
			call.awaitState("ANSWERED", SimulatorFixture.WAIT);
			client.removeListener(listener);
			int events = listener.states.size();
			client.pause();
			assertThat(client.getConnectionState()).isEqualTo(ConnectionState.PAUSED);
			assertThat(listener.states).hasSize(events);
			await().until(() -> client.getActiveCalls().size() == 1);
			assertThat(client.toString()).doesNotContain(this.fixture.simulator.apiKey());
		}
		finally {
			client.close();
		}
		assertThat(client.getConnectionState()).isEqualTo(ConnectionState.CLOSED);
	}

	@Test
	void unreachableServerFailsConnectWithConnectionExceptionAndKeepsTrying() throws Exception {
		// port 1 on loopback: nothing listens there, and no test can bind it (a port just closed can be
		// bound again by anything, as happened once in CI: the client then found a server)
		RecordingClientListener listener = new RecordingClientListener();
		DefaultTelcoflowClient client = (DefaultTelcoflowClient) this.fixture
			.client(this.fixture.config().url("ws://127.0.0.1:1").build(), listener);
		CompletableFuture<Void> connected = client.connectAsync();
		await().until(connected::isDone);
		assertThat(connected).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(WssConnectionException.class);
		await().until(() -> listener.reconnectAttempts.size() >= 2);
		assertThat(client.getConnectionState()).isEqualTo(ConnectionState.RECONNECTING);
		client.disconnect();
		// a retry is reported while it is scheduled, so every report is queued once disconnect returned
		int attempts = reportedAttempts(client, listener);
		// with its scheduler ended, nothing can retry any more: a retry after the close would show now
		await().until(() -> client.threads().scheduler().isTerminated());
		assertThat(reportedAttempts(client, listener)).isEqualTo(attempts);
	}

	/**
	 * The reconnect attempts reported to the listener once every event queued before is delivered.
	 */
	private static int reportedAttempts(DefaultTelcoflowClient client, RecordingClientListener listener)
			throws InterruptedException {
		SimulatorFixture.awaitEventsDelivered(client);
		return listener.reconnectAttempts.size();
	}

	@Test
	void everySdkExceptionIsAWssExceptionAndCallErrorsAreWssCallExceptions() {
		assertThat(new WssConnectionException("x")).isInstanceOf(WssException.class);
		assertThat(new WssAuthenticationException("x")).isInstanceOf(WssException.class);
		assertThat(new WssMediaException("x")).isInstanceOf(WssException.class);
		assertThat(new BufferFullException("x")).isInstanceOf(WssException.class);
		assertThat(new BufferClosedException("x")).isInstanceOf(WssException.class);
		assertThat(new WssCallClosedException("x")).isInstanceOf(WssCallException.class);
		assertThat(new WssCallCommandException("answer", "INVALID_STATE", "no")).isInstanceOf(WssCallException.class);
		assertThat(new WssCallCommandTimeoutException("x")).isInstanceOf(WssCallException.class);
		assertThat(new WssCallException("x")).isInstanceOf(WssException.class).isInstanceOf(RuntimeException.class);
	}

}
