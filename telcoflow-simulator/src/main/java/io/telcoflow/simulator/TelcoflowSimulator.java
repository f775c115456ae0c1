package io.telcoflow.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.telcoflow.simulator.websocket.WebSocketConnection;
import io.telcoflow.simulator.websocket.WebSocketServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Telcoflow server on loopback: the server side of {@code telcoflow-wire/1} (control
 * and media connections, authentication by API key or mTLS, commands, states, pull-based audio on
 * a 20 ms clock), with scripted callers, a per-call record and fault injection.
 * <p>
 * This class is the facade and the wiring: it owns the server and the timer, and passes the
 * events of sessions and calls to the parts that keep them ({@link SessionRegistry},
 * {@link CallRegistry}, {@link CallDispatcher}, {@link AudioClock}, {@link ConnectionWatchdog}).
 * <pre>{@code
 * try (TelcoflowSimulator sim = TelcoflowSimulator.builder().build().start()) {
 *     SimulatedCall call = sim.placeCall(CallScript.defaults());
 *     call.awaitState("ANSWERED", Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class TelcoflowSimulator implements AutoCloseable {

	/** The API key accepted by default (test data). */
	public static final String DEFAULT_API_KEY = "test-api-key";

	/** The connector accepted by default (test data). */
	public static final String DEFAULT_CONNECTOR_UUID = "0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d70";

	private static final Logger logger = LoggerFactory.getLogger(TelcoflowSimulator.class);

	private final SimulatorConfig config;

	private final SimulatorFaults faults = new SimulatorFaults(this);

	private final SessionRegistry sessions = new SessionRegistry();

	private final CallRegistry calls;

	private final CallDispatcher dispatcher;

	private final SimulatorEndpoints endpoints;

	private final AudioClock audioClock = new AudioClock();

	private final ConnectionWatchdog connections;

	private final ScheduledThreadPoolExecutor timer;

	private @Nullable WebSocketServer server;

	private @Nullable ScheduledFuture<?> autoCalls;

	private TelcoflowSimulator(SimulatorConfig config) {
		this.config = config;
		this.timer = new ScheduledThreadPoolExecutor(2, SimulatorThreads.daemon("telcoflow-sim-timer"));
		this.timer.setRemoveOnCancelPolicy(true);
		this.calls = new CallRegistry(config.retainEndedCalls());
		this.connections = new ConnectionWatchdog(config.heartbeatInterval());
		this.dispatcher = new CallDispatcher(this::sessions, this.timer);
		this.endpoints = new SimulatorEndpoints(this, config.apiKey(), config.connectorUuid(),
				config.requireClientCertificate(), config.tls() != null);
	}

	/**
	 * Starts configuring a simulator.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Binds the port and starts serving.
	 * @return this simulator
	 * @throws UncheckedIOException when the port cannot be bound
	 */
	public synchronized TelcoflowSimulator start() {
		if (this.server != null) {
			return this;
		}
		try {
			SimulatorTls tls = this.config.tls();
			this.server = new WebSocketServer(this.config.host(), this.config.port(),
					(tls != null) ? tls.serverSslContext() : null, this.config.requireClientCertificate(),
					this.endpoints::upgrade, this.timer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot bind the simulator to " + this.config.host() + ":" + this.config.port(), ex);
		}
		this.audioClock.start();
		this.connections.start();
		logger.debug("Telcoflow simulator listening on {}", url());
		return this;
	}

	/**
	 * Stops serving: closes every connection (1001) and the port; calls still going on end with
	 * reason {@code simulator_stopped} (nothing more is sent to the client).
	 */
	@Override
	public synchronized void close() {
		stopAutoCalls();
		for (SimulatedCall call : this.calls.inOrder()) {
			call.stop();
		}
		WebSocketServer current = this.server;
		if (current != null) {
			current.close();
		}
		this.connections.closeAll(1001, "simulator stopped");
		this.audioClock.stop();
		this.connections.stop();
		this.timer.shutdownNow();
		this.connections.abortAll();
	}

	/**
	 * Returns the base URL clients connect to (the control endpoint is {@code url() + "/v1/control"}).
	 * @return {@code ws://127.0.0.1:PORT}, or {@code wss://localhost:PORT} with TLS
	 */
	public String url() {
		return this.config.url(port());
	}

	/**
	 * Returns the control endpoint URL.
	 * @return {@code url() + "/v1/control"}
	 */
	public String controlUrl() {
		return url() + "/v1/control";
	}

	/**
	 * Returns the bound port.
	 * @return the port
	 * @throws IllegalStateException before {@link #start()}
	 */
	public int port() {
		WebSocketServer current = this.server;
		if (current == null) {
			throw new IllegalStateException("The simulator is not started");
		}
		return current.port();
	}

	/**
	 * Returns the accepted API key (test data).
	 * @return the key
	 */
	public String apiKey() {
		return this.config.apiKey();
	}

	/**
	 * Returns the accepted connector UUID.
	 * @return the connector
	 */
	public String connectorUuid() {
		return this.config.connectorUuid();
	}

	/**
	 * Returns the heartbeat interval announced in {@code session.welcome}.
	 * @return the interval
	 */
	public Duration heartbeatInterval() {
		return this.config.heartbeatInterval();
	}

	/**
	 * Returns the fault injection of this simulator.
	 * @return the faults
	 */
	public SimulatorFaults faults() {
		return this.faults;
	}

	/**
	 * Returns the open control sessions, oldest first.
	 * @return the sessions
	 */
	public List<SimulatedSession> sessions() {
		return this.sessions.open();
	}

	/**
	 * Returns every control session since the start, closed ones too, oldest first.
	 * @return the sessions
	 */
	public List<SimulatedSession> allSessions() {
		return this.sessions.all();
	}

	/**
	 * Returns when each control upgrade request arrived, refused ones too (to check reconnect
	 * backoff).
	 * @return the times, in order
	 */
	public List<Instant> controlConnectionAttempts() {
		return this.sessions.attempts();
	}

	/**
	 * Waits until at least {@code count} sessions are ready.
	 * @param count how many
	 * @param timeout how long to wait
	 * @return the ready sessions
	 * @throws AssertionError when they are not ready in time
	 */
	public List<SimulatedSession> awaitReadySessions(int count, Duration timeout) {
		return this.sessions.awaitReady(count, timeout);
	}

	/**
	 * Places a call with the default script.
	 * @return the call
	 */
	public SimulatedCall placeCall() {
		return placeCall(CallScript.defaults());
	}

	/**
	 * Places a call: it is offered to the ready, unpaused session with the most free capacity
	 * (ties: the fewest calls in progress, then round-robin), now or as soon as one can take it; until
	 * then the caller waits, ringing, in the order calls were placed.
	 * @param script what the caller does
	 * @return the call
	 */
	public SimulatedCall placeCall(CallScript script) {
		Objects.requireNonNull(script, "script");
		SimulatedCall call = new SimulatedCall(this, CallIds.newCallId(), CallIds.newMediaToken(), script);
		this.calls.add(call);
		call.scheduleScriptTimers();
		queue(call);
		return call;
	}

	/**
	 * Returns every call placed, oldest first.
	 * @return the calls
	 */
	public List<SimulatedCall> calls() {
		return this.calls.inOrder();
	}

	/**
	 * Returns a call.
	 * @param callId the call id
	 * @return the call, {@code null} if unknown
	 */
	public @Nullable SimulatedCall call(String callId) {
		return this.calls.get(callId);
	}

	/**
	 * Places a call every interval while at least one session is ready (ticks without one are skipped).
	 * @param interval the time between calls
	 * @param scripts supplies each call's script
	 */
	public synchronized void startAutoCalls(Duration interval, Supplier<CallScript> scripts) {
		stopAutoCalls();
		this.autoCalls = this.timer.scheduleAtFixedRate(() -> {
			if (this.sessions.anyReady()) {
				SimulatedCall call = placeCall(scripts.get());
				logger.info("Placed call {}", call.callId());
			}
		}, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops {@link #startAutoCalls(Duration, Supplier)}.
	 */
	public synchronized void stopAutoCalls() {
		ScheduledFuture<?> current = this.autoCalls;
		if (current != null) {
			current.cancel(false);
			this.autoCalls = null;
		}
	}

	// ---- internals -------------------------------------------------------------------

	SimulatedCall requireCall(String callId) {
		return this.calls.require(callId);
	}

	SimulatorConfig config() {
		return this.config;
	}

	ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		return this.timer.schedule(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Simulator task failed", ex);
			}
		}, delay.toNanos(), TimeUnit.NANOSECONDS);
	}

	void forEachConnection(Consumer<WebSocketConnection> action) {
		this.connections.forEach(action);
	}

	void controlAttempt() {
		this.sessions.attempt();
	}

	void sessionOpened(SimulatedSession session, WebSocketConnection connection) {
		connectionOpened(connection);
		this.sessions.opened(session);
	}

	void sessionClosed(SimulatedSession session, WebSocketConnection connection) {
		this.connections.remove(connection);
		this.sessions.closed(session);
	}

	void mediaOpened(SimulatedCall call, WebSocketConnection connection) {
		connectionOpened(connection);
		if (!call.isEnded()) {
			this.audioClock.add(call);
		}
	}

	void mediaClosed(SimulatedCall call, WebSocketConnection connection) {
		this.connections.remove(connection);
	}

	private void connectionOpened(WebSocketConnection connection) {
		connection.answerPings(!this.faults.pingsStopped());
		this.connections.add(connection);
	}

	/** Called with the call's lock held: must not take the dispatch lock. */
	void callEnded(SimulatedCall call, @Nullable SimulatedSession session) {
		this.audioClock.remove(call);
		this.calls.ended(call);
		if (session != null) {
			session.release(call);
		}
		dispatch();
	}

	void queue(SimulatedCall call) {
		this.dispatcher.queue(call);
	}

	boolean hasSessionFor(SimulatedCall call) {
		return this.dispatcher.hasSessionFor(call);
	}

	void dispatch() {
		this.dispatcher.dispatch();
	}

	@Override
	public String toString() {
		return "TelcoflowSimulator[" + ((this.server != null) ? url() : "not started") + ", sessions="
				+ this.sessions.openCount() + ", calls=" + this.calls.size() + "]";
	}

	/**
	 * Configures a {@link TelcoflowSimulator}.
	 */
	public static final class Builder {

		private String apiKey = DEFAULT_API_KEY;

		private String connectorUuid = DEFAULT_CONNECTOR_UUID;

		private @Nullable SimulatorTls tls;

		private boolean requireClientCertificate;

		private String host = "127.0.0.1";

		private int port;

		private Duration heartbeatInterval = Duration.ofSeconds(15);

		private Duration mediaOpenTimeout = Duration.ofSeconds(10);

		private Duration mediaResumeTimeout = Duration.ofSeconds(5);

		private boolean recordAgentAudio = true;

		private int retainEndedCalls = Integer.MAX_VALUE;

		private @Nullable AudioFrameObserver audioFrameObserver;

		private Builder() {
		}

		/**
		 * Sets the accepted API key and connector.
		 * @param apiKey the API key (default {@link #DEFAULT_API_KEY})
		 * @param connectorUuid the connector (default {@link #DEFAULT_CONNECTOR_UUID})
		 * @return this builder
		 */
		public Builder apiKey(String apiKey, String connectorUuid) {
			this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
			this.connectorUuid = Objects.requireNonNull(connectorUuid, "connectorUuid");
			return this;
		}

		/**
		 * Serves {@code wss://} with the given key material.
		 * @param tls for example {@link SimulatorTls#testServer()}
		 * @return this builder
		 */
		public Builder tls(SimulatorTls tls) {
			this.tls = Objects.requireNonNull(tls, "tls");
			return this;
		}

		/**
		 * Requires a client certificate chained to the test CA (mTLS) instead of an API key. Needs
		 * {@link #tls(SimulatorTls)}.
		 * @param require whether to require one
		 * @return this builder
		 */
		public Builder requireClientCertificate(boolean require) {
			this.requireClientCertificate = require;
			return this;
		}

		/**
		 * Sets the address to bind (default {@code 127.0.0.1}).
		 * @param host the address
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = Objects.requireNonNull(host, "host");
			return this;
		}

		/**
		 * Sets the port (default 0: a free port).
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be 0..65535, not " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Sets the heartbeat interval announced to clients (default 15 s); connections silent for
		 * three intervals are closed with 4008.
		 * @param interval the interval
		 * @return this builder
		 */
		public Builder heartbeatInterval(Duration interval) {
			this.heartbeatInterval = positive(interval, "heartbeatInterval");
			return this;
		}

		/**
		 * Sets how long an offered call waits for its media connection before it is re-offered
		 * (default 10 s).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder mediaOpenTimeout(Duration timeout) {
			this.mediaOpenTimeout = positive(timeout, "mediaOpenTimeout");
			return this;
		}

		/**
		 * Sets how long a dropped media connection may take to resume before the call ends with
		 * reason {@code error} (default 5 s).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder mediaResumeTimeout(Duration timeout) {
			this.mediaResumeTimeout = positive(timeout, "mediaResumeTimeout");
			return this;
		}

		/**
		 * Sets whether agent audio bytes are kept in each call's record (default yes; switch off for
		 * long load runs, counts are kept either way).
		 * @param record whether to keep the bytes
		 * @return this builder
		 */
		public Builder recordAgentAudio(boolean record) {
			this.recordAgentAudio = record;
			return this;
		}

		/**
		 * Sets how many ended calls {@link TelcoflowSimulator#calls()} and
		 * {@link TelcoflowSimulator#call(String)} keep, oldest forgotten first (default: all). A
		 * simulator left running, as in a demo, should keep only the last few.
		 * @param max the number of ended calls to keep, at least 0
		 * @return this builder
		 */
		public Builder retainEndedCalls(int max) {
			if (max < 0) {
				throw new IllegalArgumentException("retainEndedCalls must be 0 or more, not " + max);
			}
			this.retainEndedCalls = max;
			return this;
		}

		/**
		 * Sets an observer of every caller and agent audio frame (for load measurements; none by
		 * default).
		 * @param observer the observer
		 * @return this builder
		 */
		public Builder audioFrameObserver(AudioFrameObserver observer) {
			this.audioFrameObserver = Objects.requireNonNull(observer, "observer");
			return this;
		}

		private static Duration positive(Duration value, String name) {
			Objects.requireNonNull(value, name);
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, not " + value);
			}
			return value;
		}

		/**
		 * Builds the simulator (not started yet).
		 * @return the simulator
		 */
		public TelcoflowSimulator build() {
			if (this.requireClientCertificate && this.tls == null) {
				throw new IllegalStateException("requireClientCertificate needs tls(...)");
			}
			return new TelcoflowSimulator(new SimulatorConfig(this.apiKey, this.connectorUuid, this.tls,
					this.requireClientCertificate, this.host, this.port, this.heartbeatInterval, this.mediaOpenTimeout,
					this.mediaResumeTimeout, this.recordAgentAudio, this.retainEndedCalls, this.audioFrameObserver));
		}

	}

}
