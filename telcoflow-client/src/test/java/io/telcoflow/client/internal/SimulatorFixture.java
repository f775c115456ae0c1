package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.IncomingCallHandler;
import io.telcoflow.client.ReconnectBackoff;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.simulator.TelcoflowSimulator;

/**
 * A simulator on loopback and clients of it with short timeouts; closes everything.
 */
final class SimulatorFixture implements AutoCloseable {

	static final Duration WAIT = Duration.ofSeconds(10);

	final TelcoflowSimulator simulator;

	private final WireTransport transport;

	private final List<TelcoflowClient> clients = new ArrayList<>();

	SimulatorFixture() {
		this(TelcoflowSimulator.builder().heartbeatInterval(Duration.ofSeconds(2)));
	}

	SimulatorFixture(TelcoflowSimulator.Builder builder) {
		this(builder, WireTransport.WS);
	}

	/**
	 * A simulator (with the default settings) reached through the given transport.
	 * @param transport ws, wss or mTLS
	 */
	SimulatorFixture(WireTransport transport) {
		this(TelcoflowSimulator.builder().heartbeatInterval(Duration.ofSeconds(2)), transport);
	}

	private SimulatorFixture(TelcoflowSimulator.Builder builder, WireTransport transport) {
		this.transport = transport;
		this.simulator = transport.simulator(builder).build().start();
	}

	TelcoflowConfig.Builder config() {
		return this.transport.authenticate(TelcoflowConfig.builder().url(this.simulator.url()), this.simulator)
			.commandTimeout(Duration.ofSeconds(2))
			.connectTimeout(Duration.ofSeconds(3))
			.reconnectBackoff(new ReconnectBackoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(800)));
	}

	TelcoflowClient client(TelcoflowConfig config, RecordingClientListener listener) {
		TelcoflowClient client = TelcoflowClient.builder(config).listener(listener).build();
		this.clients.add(client);
		return client;
	}

	/**
	 * A connected, ready client whose handler puts each call into the returned queue and then runs
	 * {@code body}.
	 */
	BlockingQueue<ActiveCall> readyClient(TelcoflowConfig config, RecordingClientListener listener,
			IncomingCallHandler body) {
		BlockingQueue<ActiveCall> calls = new LinkedBlockingQueue<>();
		TelcoflowClient client = client(config, listener);
		IncomingCallHandler handler = (call) -> {
			calls.add(call);
			body.onIncomingCall(call);
		};
		client.onIncomingCall(handler);
		client.connect();
		client.ready();
		this.simulator.awaitReadySessions(1, WAIT);
		return calls;
	}

	TelcoflowClient lastClient() {
		return this.clients.get(this.clients.size() - 1);
	}

	static ActiveCall take(BlockingQueue<ActiveCall> calls) throws InterruptedException {
		ActiveCall call = calls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		if (call == null) {
			throw new AssertionError("no call reached the handler within " + WAIT);
		}
		return call;
	}

	/**
	 * Waits until every client-listener event queued so far has been delivered: an ordering barrier
	 * for checks that something was not reported.
	 */
	static void awaitEventsDelivered(TelcoflowClient client) throws InterruptedException {
		CountDownLatch delivered = new CountDownLatch(1);
		((DefaultTelcoflowClient) client).listeners().each((listener) -> delivered.countDown());
		if (!delivered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("client-listener events not delivered within " + WAIT);
		}
	}

	@Override
	public void close() {
		this.clients.forEach(TelcoflowClient::close);
		this.simulator.close();
	}

}
