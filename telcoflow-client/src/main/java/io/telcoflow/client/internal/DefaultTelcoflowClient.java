package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.IncomingCallHandler;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.internal.protocol.ClientMessage;
import io.telcoflow.client.internal.protocol.ProtocolCodec;
import io.telcoflow.client.internal.protocol.ServerMessage;
import io.telcoflow.client.internal.transport.SslContexts;
import io.telcoflow.client.internal.transport.WebSocketTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link TelcoflowClient}: its connection state and the readiness it declares to the
 * server. Its calls are kept by {@link CallRegistry}.
 */
final class DefaultTelcoflowClient implements TelcoflowClient {

	private static final Logger logger = LoggerFactory.getLogger(DefaultTelcoflowClient.class);

	private final TelcoflowConfig config;

	private final @Nullable Executor callExecutor;

	private final ProtocolCodec codec = new ProtocolCodec();

	private final SdkThreads threads = new SdkThreads();

	private final ClientListeners listeners = new ClientListeners(this.threads.events());

	private final WebSocketTransport transport;

	private final ControlChannel control;

	private final Endpoints endpoints;

	private final HandlerRunner handlers;

	private final CallRegistry calls;

	private final AtomicReference<ConnectionState> state = new AtomicReference<>(ConnectionState.NEW);

	private final CountDownLatch closed = new CountDownLatch(1);

	private final Object readiness = new Object();

	private volatile @Nullable IncomingCallHandler handler;

	private volatile Duration heartbeatInterval = Duration.ofMillis(ProtocolCodec.DEFAULT_HEARTBEAT_INTERVAL_MS);

	private final AtomicBoolean capacityQueued = new AtomicBoolean();

	private final AtomicBoolean disposed = new AtomicBoolean();

	private final ReportLimiter slowAudioListenerReports = new ReportLimiter();

	private boolean wantReady;

	private boolean paused;

	DefaultTelcoflowClient(TelcoflowConfig config, @Nullable Executor callExecutor,
			List<TelcoflowClientListener> listeners) {
		this.config = config;
		this.callExecutor = callExecutor;
		listeners.forEach(this.listeners::add);
		boolean clientCertificate = !config.isApiKeyAuthentication();
		this.transport = new WebSocketTransport(SslContexts.of(config), clientCertificate, config.getConnectTimeout(),
				this.threads.scheduler());
		this.endpoints = new Endpoints(config);
		this.control = new ControlChannel(this, this.endpoints.controlUri());
		this.handlers = new HandlerRunner(callExecutor, this.listeners, config.getHandlerFailureAction(),
				() -> this.handler, MediaChannel.startDeadline(config));
		this.calls = new CallRegistry(this, this.handlers);
	}

	@Override
	public void onIncomingCall(IncomingCallHandler handler) {
		this.handler = handler;
	}

	@Override
	public void connect() {
		Futures.await(connectAsync(), this.listeners, null);
	}

	@Override
	public CompletableFuture<Void> connectAsync() {
		if (this.state.get() == ConnectionState.CLOSED) {
			throw new IllegalStateException("The Telcoflow client is closed; create a new one");
		}
		return this.control.connect();
	}

	@Override
	public void ready() {
		if (this.handler == null) {
			throw new IllegalStateException("Set an incoming-call handler with onIncomingCall(...) before ready()");
		}
		synchronized (this.readiness) {
			this.wantReady = true;
			this.paused = false;
			if (this.control.isWelcomed()) {
				declareReady();
			}
		}
	}

	@Override
	public void pause() {
		synchronized (this.readiness) {
			this.paused = true;
			if (this.control.isWelcomed()) {
				this.control.send(new ClientMessage.SessionPause());
				changeState(ConnectionState.PAUSED);
			}
		}
	}

	private void declareReady() {
		this.control.send(new ClientMessage.SessionReady(this.config.getSampleRate(), this.config.getMaxCalls()));
		if (this.config.getMaxCalls() > 0 && !this.calls.isEmpty()) {
			sendCapacity();
		}
		changeState(ConnectionState.READY);
	}

	/**
	 * The control connection was (re)opened and welcomed: declare readiness again unless paused.
	 */
	void controlWelcomed() {
		synchronized (this.readiness) {
			if (this.wantReady && !this.paused) {
				declareReady();
			}
			else {
				changeState(this.paused ? ConnectionState.PAUSED : ConnectionState.CONNECTED);
			}
		}
	}

	/**
	 * The number of calls changed (on a reader thread): tells the server the free capacity, if it
	 * limits calls and the client is ready. Changes are coalesced: one {@code session.capacity}
	 * carries the count of the moment it is sent, so a burst of offers or ends costs the readers
	 * nothing and the server a few messages.
	 */
	void updateCapacity() {
		if (this.config.getMaxCalls() <= 0 || !this.capacityQueued.compareAndSet(false, true)) {
			return;
		}
		try {
			this.threads.scheduler().execute(() -> {
				this.capacityQueued.set(false);
				synchronized (this.readiness) {
					if (this.wantReady && !this.paused && this.control.isWelcomed()) {
						sendCapacity();
					}
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// the client is closed: the server has nothing more to learn
			this.capacityQueued.set(false);
		}
	}

	private void sendCapacity() {
		this.control.send(new ClientMessage.SessionCapacity(Math.max(0, this.config.getMaxCalls() - this.calls.size())));
	}

	@Override
	public void disconnect() {
		changeState(ConnectionState.CLOSED);
		// disposal runs exactly once, also when the server closed the client first (state CLOSED)
		if (!this.disposed.compareAndSet(false, true)) {
			return;
		}
		logger.info("Closing the Telcoflow client ({} live calls)", this.calls.size());
		this.control.stop();
		this.calls.endAll(TerminationReason.CLIENT_CLOSED);
		this.closed.countDown();
		CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS, this.threads.events()).execute(() -> {
			this.transport.destroy();
			this.threads.shutdownScheduler();
		});
	}

	void closedByServer() {
		if (changeState(ConnectionState.CLOSED)) {
			this.closed.countDown();
		}
	}

	@Override
	public void close() {
		disconnect();
	}

	@Override
	public void awaitClosed() {
		try {
			this.closed.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean awaitClosed(Duration timeout) {
		try {
			return this.closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return this.closed.getCount() == 0;
		}
	}

	@Override
	public Optional<ActiveCall> getCall(String callId) {
		return Optional.ofNullable(this.calls.live(callId));
	}

	@Override
	public Collection<ActiveCall> getActiveCalls() {
		return this.calls.live();
	}

	@Override
	public ConnectionState getConnectionState() {
		return this.state.get();
	}

	@Override
	public long getDroppedEvents() {
		return this.threads.events().dropped();
	}

	@Override
	public int getMaxCalls() {
		return this.config.getMaxCalls();
	}

	@Override
	public ActiveCall attachCall(String json) {
		if (this.state.get() == ConnectionState.CLOSED) {
			throw new IllegalStateException("The Telcoflow client is closed");
		}
		return this.calls.attach(json);
	}

	@Override
	public void addListener(TelcoflowClientListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public void removeListener(TelcoflowClientListener listener) {
		this.listeners.remove(listener);
	}

	/**
	 * A call was offered on the control connection (reader thread).
	 * @param incoming the offer
	 */
	void callOffered(ServerMessage.CallIncoming incoming) {
		this.calls.offered(incoming);
	}

	/**
	 * An offered call ended before its media connection opened (reader thread).
	 * @param ended the notice
	 */
	void offerEnded(ServerMessage.CallEnded ended) {
		this.calls.offerEnded(ended);
	}

	/**
	 * Application code of a call failed outside its handler (an audio listener threw): ends the
	 * call as if its handler had thrown.
	 * @param call the call
	 * @param failure what it threw
	 */
	void handlerFailed(DefaultActiveCall call, Throwable failure) {
		this.handlers.failed(call, failure, HandlerRunner.AUDIO_LISTENER);
	}

	/**
	 * A call's media connection started for the first time (media reader thread): the handler
	 * runs (its thread was started at the offer).
	 * @param call the call
	 */
	void mediaStarted(DefaultActiveCall call) {
		if (!call.isAttached()) {
			this.handlers.mediaStarted(call);
		}
	}

	/**
	 * A call ended: forget it and update the capacity.
	 * @param call the call
	 * @param reason why
	 * @param duration since the offer
	 */
	void callEnded(DefaultActiveCall call, TerminationReason reason, Duration duration) {
		this.calls.ended(call, reason, duration);
	}

	/**
	 * Changes the connection state; {@link ConnectionState#CLOSED} is final.
	 * @param next the new state
	 * @return whether the state changed
	 */
	boolean changeState(ConnectionState next) {
		ConnectionState previous;
		do {
			previous = this.state.get();
			if (previous == ConnectionState.CLOSED || previous == next) {
				return false;
			}
		}
		while (!this.state.compareAndSet(previous, next));
		logger.debug("Telcoflow connection state {} -> {}", previous, next);
		ConnectionState before = previous;
		this.listeners.eachAlways((listener) -> listener.onConnectionStateChanged(before, next));
		return true;
	}

	Endpoints endpoints() {
		return this.endpoints;
	}

	Duration heartbeatInterval() {
		return this.heartbeatInterval;
	}

	void heartbeatInterval(Duration interval) {
		this.heartbeatInterval = interval;
	}

	TelcoflowConfig config() {
		return this.config;
	}

	ProtocolCodec codec() {
		return this.codec;
	}

	SdkThreads threads() {
		return this.threads;
	}

	ReportLimiter slowAudioListenerReports() {
		return this.slowAudioListenerReports;
	}

	ClientListeners listeners() {
		return this.listeners;
	}

	WebSocketTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return "TelcoflowClient[" + this.config.getUrl() + ", " + this.state.get() + ", " + this.calls.size()
				+ " calls]";
	}

}
