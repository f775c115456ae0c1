package io.telcoflow.client.internal;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.ReconnectBackoff;
import io.telcoflow.client.exception.WssAuthenticationException;
import io.telcoflow.client.exception.WssConnectionException;
import io.telcoflow.client.exception.WssException;
import io.telcoflow.client.internal.protocol.ClientMessage;
import io.telcoflow.client.internal.protocol.ServerMessage;
import io.telcoflow.client.internal.transport.ConnectFailure;
import io.telcoflow.client.internal.transport.FrameListener;
import io.telcoflow.client.internal.transport.WebSocketConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control connection: connecting, the welcome, reconnecting with backoff after any loss but an
 * authentication failure, and routing the control frames.
 */
final class ControlChannel {

	/** Close code of revoked credentials: do not reconnect. */
	static final int CREDENTIALS_REVOKED = 4001;

	private static final Logger logger = LoggerFactory.getLogger(ControlChannel.class);

	private final DefaultTelcoflowClient client;

	private final URI uri;

	private volatile @Nullable Listener current;

	private volatile boolean welcomed;

	private boolean stopped = true;

	private int attempt;

	private long drainDelayMs = -1;

	private @Nullable CompletableFuture<Void> connectFuture;

	private @Nullable ScheduledFuture<?> reconnectTask;

	/** The attempt whose handshake is under way, cancelled by {@link #stop()}. */
	private @Nullable CompletableFuture<WebSocketConnection> pendingAttempt;

	ControlChannel(DefaultTelcoflowClient client, URI uri) {
		this.client = client;
		this.uri = uri;
	}

	/**
	 * Starts connecting, unless already connected or connecting.
	 * @return a future completed at the welcome, or failed at the next failure
	 */
	synchronized CompletableFuture<Void> connect() {
		if (!this.stopped) {
			// already connecting or reconnecting: wait for the next welcome (not the one before the
			// connection was lost)
			if (this.connectFuture == null || this.connectFuture.isCompletedExceptionally()
					|| (this.connectFuture.isDone() && !this.welcomed)) {
				this.connectFuture = new CompletableFuture<>();
				if (this.welcomed) {
					this.connectFuture.complete(null);
				}
			}
			return this.connectFuture;
		}
		this.stopped = false;
		this.attempt = 0;
		this.connectFuture = new CompletableFuture<>();
		this.client.changeState(ConnectionState.CONNECTING);
		openAttempt();
		return this.connectFuture;
	}

	boolean isWelcomed() {
		return this.welcomed;
	}

	private void openAttempt() {
		synchronized (this) {
			if (this.stopped) {
				return;
			}
		}
		Listener listener = new Listener();
		this.current = listener;
		logger.debug("Opening the control connection to {}", this.uri);
		CompletableFuture<WebSocketConnection> attempt = this.client.transport()
			.open(this.uri, this.client.endpoints().controlHeaders(), "control", listener);
		synchronized (this) {
			this.pendingAttempt = attempt;
			if (this.stopped) {
				// stopped while the attempt began: it is given up (a connection that opens is closed)
				attempt.cancel(false);
			}
		}
		attempt.whenComplete((connection, failure) -> {
			if (failure != null && !(failure instanceof CancellationException)) {
				connectFailed((failure instanceof ConnectFailure connectFailure) ? connectFailure
						: new ConnectFailure(ConnectFailure.Kind.NETWORK, 0, String.valueOf(failure), failure));
			}
		});
	}

	private void connectFailed(ConnectFailure failure) {
		synchronized (this) {
			if (this.stopped) {
				return;
			}
		}
		if (failure.kind() == ConnectFailure.Kind.AUTHENTICATION) {
			authenticationFailed(new WssAuthenticationException(failure.getMessage(), failure.getCause()));
			return;
		}
		WssConnectionException error = this.client.listeners()
			.error(new WssConnectionException(failure.getMessage(), failure.getCause()), null);
		logger.warn("{}", error.getMessage());
		scheduleReconnect();
		failConnect(error);
	}

	private void authenticationFailed(WssAuthenticationException failure) {
		synchronized (this) {
			this.stopped = true;
		}
		this.client.listeners().error(failure, null);
		logger.error("Telcoflow authentication failed; not reconnecting: {}", failure.getMessage());
		this.client.changeState(ConnectionState.AUTHENTICATION_FAILED);
		failConnect(failure);
	}

	private void failConnect(WssException failure) {
		CompletableFuture<Void> future;
		synchronized (this) {
			future = this.connectFuture;
		}
		if (future != null && !future.isDone()) {
			this.client.threads().events().execute(() -> future.completeExceptionally(failure));
		}
	}

	private void scheduleReconnect() {
		Duration delay;
		int number;
		synchronized (this) {
			if (this.stopped) {
				return;
			}
			number = ++this.attempt;
			if (this.drainDelayMs >= 0) {
				delay = Duration.ofMillis(this.drainDelayMs + ThreadLocalRandom.current().nextLong(1001));
				this.drainDelayMs = -1;
			}
			else {
				delay = jitter(this.client.config().getReconnectBackoff(), number);
			}
			this.reconnectTask = this.client.threads()
				.scheduler()
				.schedule(this::openAttempt, delay.toMillis(), TimeUnit.MILLISECONDS);
			// queued under the lock: once stop() returns, no retry is reported any more
			this.client.listeners().each((listener) -> listener.onReconnectScheduled(number, delay));
		}
		this.client.changeState(ConnectionState.RECONNECTING);
		logger.info("Reconnecting the Telcoflow control connection in {} ms (attempt {})", delay.toMillis(), number);
	}

	/**
	 * Full jitter: a random delay between 0 and the backoff's ceiling for the attempt.
	 * @param backoff the backoff
	 * @param attempt 1 for the first attempt
	 * @return the delay
	 */
	static Duration jitter(ReconnectBackoff backoff, int attempt) {
		long ceiling = backoff.ceiling(attempt).toMillis();
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
	}

	/**
	 * Sends a message when the connection is open and welcomed.
	 * @param message the message
	 */
	void send(ClientMessage message) {
		Listener listener = this.current;
		WebSocketConnection connection = (listener != null) ? listener.connection : null;
		if (connection != null && this.welcomed) {
			logger.debug("control -> {}", message);
			connection.sendText(this.client.codec().encode(message));
		}
	}

	/**
	 * Closes the connection for good (1000) and stops reconnecting.
	 */
	void stop() {
		CompletableFuture<Void> future;
		CompletableFuture<WebSocketConnection> attempt;
		synchronized (this) {
			this.stopped = true;
			if (this.reconnectTask != null) {
				this.reconnectTask.cancel(false);
			}
			future = this.connectFuture;
			attempt = this.pendingAttempt;
		}
		this.welcomed = false;
		Listener listener = this.current;
		// frames still to come from this connection (a late welcome) are ignored from now on
		this.current = null;
		if (attempt != null) {
			// a handshake under way is given up; a connection that opens anyway is closed at once
			attempt.cancel(false);
		}
		WebSocketConnection connection = (listener != null) ? listener.connection : null;
		if (connection != null) {
			connection.close(WebSocketConnection.NORMAL, "client closed");
		}
		if (future != null && !future.isDone()) {
			future.completeExceptionally(this.client.listeners()
				.error(new WssConnectionException("The client was closed while connecting"), null));
		}
	}

	private void welcome(WebSocketConnection connection, ServerMessage.Welcome welcome) {
		logger.info("Telcoflow control connection open (session {}, heartbeat {} ms)", welcome.sessionId(),
				welcome.heartbeatIntervalMs());
		this.client.heartbeatInterval(Duration.ofMillis(welcome.heartbeatIntervalMs()));
		connection.startHeartbeat(Duration.ofMillis(welcome.heartbeatIntervalMs()));
		CompletableFuture<Void> future;
		synchronized (this) {
			this.attempt = 0;
			this.drainDelayMs = -1;
			future = this.connectFuture;
		}
		this.welcomed = true;
		this.client.controlWelcomed();
		if (future != null && !future.isDone()) {
			this.client.threads().events().execute(() -> future.complete(null));
		}
	}

	private void closed(int code, String reason) {
		this.welcomed = false;
		synchronized (this) {
			if (this.stopped) {
				return;
			}
		}
		if (code == CREDENTIALS_REVOKED) {
			authenticationFailed(new WssAuthenticationException(
					"The server revoked the credentials (close code 4001" + (reason.isEmpty() ? "" : ": " + reason) + ")"));
			return;
		}
		if (code == WebSocketConnection.NORMAL) {
			synchronized (this) {
				this.stopped = true;
			}
			WssConnectionException error = this.client.listeners()
				.error(new WssConnectionException("The server closed the control connection normally (1000)"), null);
			logger.warn("{}; not reconnecting", error.getMessage());
			failConnect(error);
			this.client.closedByServer();
			return;
		}
		WssConnectionException error = this.client.listeners()
			.error(new WssConnectionException("Control connection lost (close code " + code
					+ (reason.isEmpty() ? "" : ", " + reason) + ")"), null);
		logger.warn("{}; calls in progress go on", error.getMessage());
		scheduleReconnect();
		failConnect(error);
	}

	private void text(WebSocketConnection connection, String text) {
		ServerMessage message = this.client.codec().decode(text);
		logger.debug("control <- {}", message);
		if (message instanceof ServerMessage.Welcome welcome) {
			welcome(connection, welcome);
		}
		else if (message instanceof ServerMessage.CallIncoming incoming) {
			this.client.callOffered(incoming);
		}
		else if (message instanceof ServerMessage.CallEnded ended) {
			this.client.offerEnded(ended);
		}
		else if (message instanceof ServerMessage.Draining draining) {
			logger.info("The Telcoflow server is draining; reconnecting in {} ms", draining.reconnectAfterMs());
			synchronized (this) {
				this.drainDelayMs = draining.reconnectAfterMs();
			}
		}
		else if (message instanceof ServerMessage.Error error) {
			logger.warn("The Telcoflow server reported an error: {} {}", error.code(), error.message());
			this.client.listeners()
				.error(new WssConnectionException("Server error " + error.code() + ": " + error.message()), null);
		}
		else if (message instanceof ServerMessage.Invalid invalid) {
			this.client.listeners().protocolError(null, invalid.description());
		}
		else {
			this.client.listeners()
				.protocolError(null, "unexpected '" + message.getClass().getSimpleName() + "' on the control connection");
		}
	}

	/**
	 * Receives one connection's frames; a replaced connection's are ignored.
	 */
	private final class Listener implements FrameListener {

		volatile @Nullable WebSocketConnection connection;

		@Override
		public void onOpen(WebSocketConnection connection) {
			this.connection = connection;
			// until the welcome names the interval, detect a dead connection with the default one
			connection.startHeartbeat(ControlChannel.this.client.heartbeatInterval());
		}

		@Override
		public void onText(String text) {
			WebSocketConnection connection = this.connection;
			if (connection != null && ControlChannel.this.current == this) {
				text(connection, text);
			}
		}

		@Override
		public void onBinary(ByteBuffer data) {
			ControlChannel.this.client.listeners().protocolError(null, "binary frame on the control connection");
		}

		@Override
		public void onOversized(String description) {
			ControlChannel.this.client.listeners().protocolError(null, description);
		}

		@Override
		public void onClosed(int code, String reason) {
			logger.debug("Control connection closed: {} {}", code, reason);
			if (ControlChannel.this.current == this) {
				closed(code, reason);
			}
		}

	}

}
