package io.telcoflow.client.internal;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallListener;
import io.telcoflow.client.CallState;
import io.telcoflow.client.DtmfEvent;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.audio.AudioListener;
import io.telcoflow.client.audio.AudioStream;
import io.telcoflow.client.internal.audio.OutgoingAudioBuffer;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.client.exception.WssMediaException;
import io.telcoflow.client.internal.protocol.CallHandover;
import io.telcoflow.client.internal.protocol.ServerMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link ActiveCall}: one call's details, state, commands and end. Its audio is
 * {@link OutgoingAudio} and {@link InboundAudio}, its listeners {@link CallListeners}, its
 * connection {@link MediaChannel}.
 */
final class DefaultActiveCall implements ActiveCall {

	private static final Logger logger = LoggerFactory.getLogger(DefaultActiveCall.class);

	private static final int MAX_RING_SECONDS = 600;

	private final DefaultTelcoflowClient client;

	private final CallHandover details;

	private final URI mediaUri;

	private final long receivedNanos = System.nanoTime();

	private final boolean attached;

	private final AtomicBoolean ended = new AtomicBoolean();

	private final CompletableFuture<TerminationReason> termination = new CompletableFuture<>();

	private final OutgoingAudio outgoing;

	private final InboundAudio inbound;

	private final CallListeners callListeners;

	private final CallCommands commands;

	private final MediaChannel media;

	private volatile CallState state = CallState.PENDING;

	private final AtomicBoolean handlerStartClaimed = new AtomicBoolean();

	DefaultActiveCall(DefaultTelcoflowClient client, CallHandover details, URI mediaUri, boolean attached) {
		this.client = client;
		this.details = details;
		this.mediaUri = mediaUri;
		this.attached = attached;
		this.inbound = new InboundAudio(this, client);
		this.callListeners = new CallListeners(this, client.threads().events());
		this.media = new MediaChannel(this, client);
		this.outgoing = new OutgoingAudio(this, client, this.media);
		this.commands = new CallCommands(this, client);
	}

	@Override
	public String getCallId() {
		return this.details.callId();
	}

	@Override
	public @Nullable String getCallerNumber() {
		return this.details.callerNumber();
	}

	@Override
	public @Nullable String getCalleeNumber() {
		return this.details.calleeNumber();
	}

	@Override
	public Instant getOfferedAt() {
		return this.details.offeredAt();
	}

	@Override
	public int getSampleRate() {
		return this.details.sampleRate();
	}

	@Override
	public CallState getState() {
		return this.state;
	}

	@Override
	public void answer() {
		InboundAudio.refuseBlockingInAudioListener("answer()");
		await(answerAsync());
	}

	@Override
	public CompletableFuture<Void> answerAsync() {
		return command("answer", null);
	}

	@Override
	public void connect() {
		connect(DEFAULT_RING_TIME);
	}

	@Override
	public void connect(Duration ringTime) {
		InboundAudio.refuseBlockingInAudioListener("connect()");
		await(connectAsync(ringTime));
	}

	@Override
	public CompletableFuture<Void> connectAsync(Duration ringTime) {
		long millis = ringTime.toMillis();
		if (millis < 1000 || millis > MAX_RING_SECONDS * 1000L) {
			throw new IllegalArgumentException(
					"Ring time must be between 1 s and " + MAX_RING_SECONDS + " s (was " + ringTime + ")");
		}
		return command("connect", (int) ((millis + 999) / 1000));
	}

	@Override
	public void whisper() {
		InboundAudio.refuseBlockingInAudioListener("whisper()");
		await(whisperAsync());
	}

	@Override
	public CompletableFuture<Void> whisperAsync() {
		return command("whisper", null);
	}

	@Override
	public void barge() {
		InboundAudio.refuseBlockingInAudioListener("barge()");
		await(bargeAsync());
	}

	@Override
	public CompletableFuture<Void> bargeAsync() {
		return command("barge", null);
	}

	@Override
	public void spy() {
		InboundAudio.refuseBlockingInAudioListener("spy()");
		await(spyAsync());
	}

	@Override
	public CompletableFuture<Void> spyAsync() {
		return command("spy", null);
	}

	@Override
	public void disconnect() {
		InboundAudio.refuseBlockingInAudioListener("disconnect()");
		await(disconnectAsync());
	}

	@Override
	public CompletableFuture<Void> disconnectAsync() {
		return command("disconnect", null);
	}

	@Override
	public void close() {
		InboundAudio.refuseBlockingInAudioListener("close()");
		await(closeAsync());
	}

	@Override
	public CompletableFuture<Void> closeAsync() {
		return command("close", null);
	}

	private void await(CompletableFuture<Void> future) {
		Futures.await(future, this.client.listeners(), this);
	}

	private CompletableFuture<Void> command(String name, @Nullable Integer ringTimeSeconds) {
		return this.commands.send(name, ringTimeSeconds);
	}

	boolean isClosed() {
		return this.ended.get() || this.state == CallState.DISCONNECTED;
	}

	WssCallClosedException closedError(String what) {
		return this.client.listeners()
			.error(new WssCallClosedException("Call " + getCallId() + " has ended: " + what), this);
	}

	void onResult(ServerMessage.CommandResult result) {
		this.commands.onResult(result);
	}

	void applyState(CallState newState) {
		CallState previous;
		synchronized (this) {
			previous = this.state;
			if (this.ended.get() || previous == newState) {
				return;
			}
			this.state = newState;
		}
		logger.debug("Call {}: {} -> {}", getCallId(), previous, newState);
		if (newState == CallState.ANSWERED) {
			callEvent((listener) -> listener.onAnswered(this));
		}
		else if (newState == CallState.CONNECTED) {
			callEvent((listener) -> listener.onConnected(this));
		}
	}

	void onDtmf(ServerMessage.Dtmf dtmf) {
		DtmfEvent event = new DtmfEvent(dtmf.digit(), Duration.ofMillis(dtmf.durationMs()));
		callEvent((listener) -> listener.onDtmf(this, event));
	}

	void terminated(TerminationReason reason) {
		end(reason, null);
	}

	void handedOver() {
		end(TerminationReason.CLOSED, null);
	}

	void mediaLost(WssMediaException failure) {
		end(TerminationReason.ERROR, failure);
	}

	void endLocally(TerminationReason reason) {
		end(reason, null);
	}

	private void end(TerminationReason reason, @Nullable WssMediaException failure) {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		synchronized (this) {
			this.state = CallState.DISCONNECTED;
		}
		logger.debug("Call {} ended: {}", getCallId(), reason);
		this.outgoing.close(reason);
		this.inbound.end(failure);
		this.commands.failPending(reason);
		this.media.close();
		this.client.callEnded(this, reason, Duration.ofNanos(System.nanoTime() - this.receivedNanos));
		if (failure != null) {
			callEvent((listener) -> listener.onError(this, failure));
		}
		this.callListeners.terminated(reason);
		this.client.threads().events().execute(() -> this.termination.complete(reason));
	}

	void callEvent(Consumer<CallListener> event) {
		this.callListeners.each(event);
	}

	@Override
	public AudioStream audioStream() {
		return this.inbound.stream();
	}

	@Override
	public void setAudioListener(@Nullable AudioListener listener) {
		this.inbound.setListener(listener);
	}

	@Override
	public void sendAudio(byte[] pcm) {
		this.outgoing.send(pcm);
	}

	@Override
	public void sendAudio(ByteBuffer pcm) {
		this.outgoing.send(pcm);
	}

	@Override
	public void clearSendAudioBuffer() {
		this.outgoing.clear();
	}

	@Override
	public int getSendAudioBufferSize() {
		return this.outgoing.size();
	}

	@Override
	public long getPlayedAudioBytes() {
		return this.outgoing.played();
	}

	@Override
	public boolean awaitPlayback(Duration timeout) {
		InboundAudio.refuseBlockingInAudioListener("awaitPlayback()");
		return this.outgoing.awaitPlayback(timeout);
	}

	@Override
	public CompletableFuture<Void> playbackFuture() {
		return this.outgoing.playbackFuture();
	}

	@Override
	public CompletableFuture<TerminationReason> terminationFuture() {
		return this.termination.copy();
	}

	@Override
	public void addListener(CallListener listener) {
		this.callListeners.add(listener);
	}

	@Override
	public void removeListener(CallListener listener) {
		this.callListeners.remove(listener);
	}

	@Override
	public String toJson() {
		return this.client.codec()
			.encodeHandover(new CallHandover(getCallId(), this.mediaUri.toString(), this.details.mediaToken(),
					getCallerNumber(), getCalleeNumber(), getSampleRate(), getOfferedAt()));
	}

	URI mediaUri() {
		return this.mediaUri;
	}

	String mediaToken() {
		return this.details.mediaToken();
	}

	boolean isEnded() {
		return this.ended.get();
	}

	boolean isAttached() {
		return this.attached;
	}

	/**
	 * Claims the starting of this call's handler thread; only the first claim succeeds.
	 * @return whether the caller is the one to start it
	 */
	boolean claimHandlerStart() {
		return this.handlerStartClaimed.compareAndSet(false, true);
	}

	long receivedNanos() {
		return this.receivedNanos;
	}

	OutgoingAudioBuffer buffer() {
		return this.outgoing.buffer();
	}

	InboundAudio inbound() {
		return this.inbound;
	}

	MediaChannel media() {
		return this.media;
	}

	@Override
	public String toString() {
		return "ActiveCall[" + getCallId() + ", " + this.state + "]";
	}

}
