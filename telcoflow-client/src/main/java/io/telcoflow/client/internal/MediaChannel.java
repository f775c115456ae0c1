package io.telcoflow.client.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.telcoflow.client.CallState;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.client.exception.WssMediaException;
import io.telcoflow.client.internal.protocol.ServerMessage;
import io.telcoflow.client.internal.transport.ConnectFailure;
import io.telcoflow.client.internal.transport.FrameListener;
import io.telcoflow.client.internal.transport.WebSocketConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's media connection: opening it, resuming it within {@link #RESUME_WINDOW} after an
 * unexpected loss, and dispatching its frames. The reader thread answers {@code audio.pull} itself
 * (the hot path, see {@link OpenPull}) and hands audio frames to {@link InboundAudio}; everything
 * else is handed to the call.
 */
final class MediaChannel {

	/** How long a lost media connection may be resumed (protocol section 4.4). */
	static final Duration RESUME_WINDOW = Duration.ofSeconds(5);

	/**
	 * Returns how long opening a call's media connection may take at most, every retry included:
	 * the last attempt may begin just before the resume window closes and take a whole connect
	 * timeout (and a second more before its future gives up).
	 * @param config the client's configuration
	 * @return the deadline, from the first attempt
	 */
	static Duration startDeadline(TelcoflowConfig config) {
		return config.getConnectTimeout().plus(RESUME_WINDOW).plusSeconds(1);
	}

	/** Close code of a media connection taken over by another process. */
	static final int HANDED_OVER = 4009;

	private static final long[] RETRY_DELAYS_MS = { 0, 100, 250, 500, 1000 };

	private static final Logger logger = LoggerFactory.getLogger(MediaChannel.class);

	private final DefaultActiveCall call;

	private final DefaultTelcoflowClient client;

	private final CompletableFuture<Void> started = new CompletableFuture<>();

	private volatile @Nullable Listener current;

	/** Completed while a connection is open; replaced while a lost one is being resumed. */
	private volatile CompletableFuture<Void> resumed = CompletableFuture.completedFuture(null);

	private volatile boolean closing;

	private long deadlineNanos;

	private int attempt;

	private final OpenPull openPull;

	MediaChannel(DefaultActiveCall call, DefaultTelcoflowClient client) {
		this.call = call;
		this.client = client;
		this.openPull = new OpenPull(call, client);
	}

	/**
	 * Returns a future completed at the first {@code media.started}.
	 * @return the future
	 */
	CompletableFuture<Void> started() {
		return this.started;
	}

	boolean isStarted() {
		return this.started.isDone() && !this.started.isCompletedExceptionally();
	}

	/**
	 * Opens the connection, retrying within the resume window.
	 */
	void open() {
		synchronized (this) {
			this.deadlineNanos = System.nanoTime() + RESUME_WINDOW.toNanos();
			this.attempt = 0;
		}
		attempt();
	}

	private void attempt() {
		if (this.closing || this.call.isEnded()) {
			return;
		}
		Listener listener = new Listener();
		this.current = listener;
		// an open pull of the previous connection lapses by itself (its connection is closed); no
		// lock here: this may run inside a failed send, holding the connection's send lock
		this.client.transport()
			.openMedia(this.call.mediaUri(), this.client.endpoints().mediaHeaders(this.call.mediaToken()),
					"media " + this.call.getCallId(), listener)
			.whenComplete((connection, failure) -> {
				if (failure != null) {
					failed((failure instanceof ConnectFailure connectFailure) ? connectFailure
							: new ConnectFailure(ConnectFailure.Kind.NETWORK, 0, String.valueOf(failure), failure));
				}
				else if (this.closing || this.call.isEnded()) {
					connection.close(WebSocketConnection.NORMAL, "call over");
				}
			});
	}

	private void failed(ConnectFailure failure) {
		if (this.closing || this.call.isEnded()) {
			return;
		}
		long delayMs;
		synchronized (this) {
			boolean retryable = failure.kind() == ConnectFailure.Kind.NETWORK
					|| failure.kind() == ConnectFailure.Kind.REFUSED;
			delayMs = RETRY_DELAYS_MS[Math.min(++this.attempt, RETRY_DELAYS_MS.length - 1)];
			if (!retryable || System.nanoTime() + delayMs * 1_000_000 > this.deadlineNanos) {
				delayMs = -1;
			}
		}
		if (delayMs < 0) {
			giveUp(failure.getMessage(), failure);
			return;
		}
		logger.debug("Media connection of call {} failed ({}); retrying in {} ms", this.call.getCallId(),
				failure.getMessage(), delayMs);
		this.client.threads().scheduler().schedule(this::attempt, delayMs, TimeUnit.MILLISECONDS);
	}

	private void giveUp(String why, @Nullable Throwable cause) {
		WssMediaException failure = this.client.listeners()
			.error(new WssMediaException("Media connection of call " + this.call.getCallId() + " lost: " + why, cause),
					this.call);
		logger.warn("Ending call {}: {}", this.call.getCallId(), failure.getMessage());
		this.started.completeExceptionally(failure);
		this.resumed.completeExceptionally(failure);
		this.call.mediaLost(failure);
	}

	/**
	 * Sends a text frame.
	 * @param text the frame
	 * @return whether it was sent (false while the connection is being resumed)
	 */
	boolean send(String text) {
		Listener listener = this.current;
		WebSocketConnection connection = (listener != null) ? listener.connection : null;
		return connection != null && connection.sendText(text);
	}

	/**
	 * Returns a future completed once the media connection is open again: at once while it is
	 * open, at the resumed connection's {@code media.started} while a lost one is being resumed,
	 * exceptionally when the resume failed.
	 * @return the future
	 */
	CompletableFuture<Void> resumed() {
		return this.resumed;
	}

	/**
	 * Closes the connection normally (the call is over for this client).
	 */
	void close() {
		this.closing = true;
		Listener listener = this.current;
		WebSocketConnection connection = (listener != null) ? listener.connection : null;
		if (connection != null) {
			connection.close(WebSocketConnection.NORMAL, "call over");
		}
	}

	private void lost(int code, String reason) {
		if (this.closing || this.call.isEnded()) {
			return;
		}
		if (code == HANDED_OVER) {
			logger.info("Call {} was taken over by another process; it ends here", this.call.getCallId());
			this.call.handedOver();
			return;
		}
		if (!isStarted()) {
			failed(new ConnectFailure(ConnectFailure.Kind.NETWORK, 0, "closed " + code + " " + reason, null));
			return;
		}
		logger.warn("Media connection of call {} lost ({} {}); resuming", this.call.getCallId(), code, reason);
		if (this.resumed.isDone()) {
			this.resumed = new CompletableFuture<>();
		}
		open();
	}

	/**
	 * Audio was appended to the call's buffer: answers the open pull, if any, from the calling
	 * thread.
	 */
	void audioAppended() {
		this.openPull.audioAppended();
	}

	private void text(WebSocketConnection connection, String text) {
		ServerMessage message = this.client.codec().decode(text);
		if (logger.isDebugEnabled() && !(message instanceof ServerMessage.AudioPull)) {
			logger.debug("media {} <- {}", this.call.getCallId(), message);
		}
		if (message instanceof ServerMessage.AudioPull pull) {
			this.openPull.pull(connection, pull.bytes());
		}
		else if (message instanceof ServerMessage.CommandResult result) {
			this.call.onResult(result);
		}
		else if (message instanceof ServerMessage.StateChanged changed) {
			if (changed.state() != CallState.ANSWERED && changed.state() != CallState.CONNECTED) {
				this.openPull.lapse();
			}
			this.call.applyState(changed.state());
		}
		else if (message instanceof ServerMessage.Dtmf dtmf) {
			this.call.onDtmf(dtmf);
		}
		else if (message instanceof ServerMessage.Terminated terminated) {
			this.openPull.lapse();
			this.call.terminated(terminated.reason());
		}
		else if (message instanceof ServerMessage.MediaStarted mediaStarted) {
			this.call.applyState(mediaStarted.state());
			if (!this.started.isDone()) {
				// onCallStarted is queued before the waiting handler thread is woken, so that it comes
				// before the handler's own events (onHandlerStarted, onHandlerFailed) on the event queue
				this.client.mediaStarted(this.call);
				this.started.complete(null);
			}
			else {
				logger.info("Media connection of call {} resumed", this.call.getCallId());
				this.resumed.complete(null);
			}
		}
		else if (message instanceof ServerMessage.Invalid invalid) {
			this.client.listeners().protocolError(this.call, invalid.description());
		}
		else {
			this.client.listeners()
				.protocolError(this.call, "unexpected '" + message.getClass().getSimpleName() + "' on a media connection");
		}
	}

	private void binary(ByteBuffer data) {
		int length = data.remaining();
		if ((length & 1) != 0) {
			this.client.listeners().protocolError(this.call, "binary frame of odd length " + length);
			return;
		}
		CallState state = this.call.getState();
		if (state != CallState.ANSWERED && state != CallState.CONNECTED) {
			this.client.listeners().protocolError(this.call, "audio frame while the call is " + state);
			return;
		}
		byte[] chunk = new byte[length];
		data.get(chunk);
		this.client.listeners().eachNow((listener) -> listener.onAudioReceived(this.call, length));
		this.call.inbound().received(chunk);
	}

	/**
	 * Receives one connection's frames; frames of a replaced connection are ignored.
	 */
	private final class Listener implements FrameListener {

		volatile @Nullable WebSocketConnection connection;

		@Override
		public void onOpen(WebSocketConnection connection) {
			this.connection = connection;
			connection.startHeartbeat(MediaChannel.this.client.heartbeatInterval());
		}

		@Override
		public void onText(String text) {
			WebSocketConnection connection = this.connection;
			if (connection != null && MediaChannel.this.current == this) {
				text(connection, text);
			}
		}

		@Override
		public void onBinary(ByteBuffer data) {
			if (MediaChannel.this.current == this) {
				binary(data);
			}
		}

		@Override
		public void onOversized(String description) {
			if (MediaChannel.this.current == this) {
				MediaChannel.this.client.listeners().protocolError(MediaChannel.this.call, description);
			}
		}

		@Override
		public void onClosed(int code, String reason) {
			logger.debug("Media connection of call {} closed: {} {}", MediaChannel.this.call.getCallId(), code, reason);
			if (MediaChannel.this.current == this) {
				lost(code, reason);
			}
		}

	}

}
