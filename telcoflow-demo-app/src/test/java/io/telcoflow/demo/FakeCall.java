package io.telcoflow.demo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.Reframer;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallListener;
import io.telcoflow.client.CallState;
import io.telcoflow.client.DtmfEvent;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.audio.AudioListener;
import io.telcoflow.client.audio.AudioStream;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.client.exception.WssCallCommandException;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ActiveCall} on a virtual clock, for unit tests of code that runs a call's audio loop.
 * Every {@code poll} with a timeout is one 20 ms turn: the caller's next frame is delivered (its
 * script, then silence) and the server pulls one frame of the outgoing buffer. Key presses and a
 * hang-up happen at scripted turns. {@code poll(Duration.ZERO)} finds nothing queued. Single
 * threaded: listeners are called on the thread that polls.
 */
public final class FakeCall implements ActiveCall {

	public static final int SAMPLE_RATE = 24000;

	private static final int FRAME_BYTES = AudioFormat.pcm(SAMPLE_RATE).bytes(Reframer.DEFAULT_FRAME);

	private final String callId;

	private final @Nullable String callerNumber;

	private final Instant offeredAt = Instant.now();

	private final List<CallListener> listeners = new CopyOnWriteArrayList<>();

	private final List<String> commands = new ArrayList<>();

	private final Deque<byte[]> outgoing = new ArrayDeque<>();

	private final ByteArrayOutputStream agentAudio = new ByteArrayOutputStream();

	private final Map<Integer, Character> keys = new HashMap<>();

	private final CompletableFuture<TerminationReason> termination = new CompletableFuture<>();

	private final FakeAudioStream audioStream = new FakeAudioStream();

	private byte[] callerAudio = new byte[0];

	private int callerPosition;

	private int turn;

	private int hangUpTurn = Integer.MAX_VALUE;

	private int outgoingCapacity = 1024 * 1024;

	private int bufferFullOnNextSends;

	private int clears;

	private @Nullable String connectError;

	private Duration ringTime = Duration.ZERO;

	private Duration ringsFor = Duration.ofSeconds(1);

	private @Nullable CompletableFuture<Void> ringing;

	private int ringingEndsTurn;

	private CallState state = CallState.PENDING;

	public FakeCall(String callId, @Nullable String callerNumber) {
		this.callId = callId;
		this.callerNumber = callerNumber;
	}

	// ---- script --------------------------------------------------------------------------

	/** The caller's audio from the answer on; silence after it. */
	public FakeCall callerSays(byte[] pcm) {
		this.callerAudio = pcm;
		return this;
	}

	/** The caller presses a key on a turn (20 ms each) since the first poll. */
	public FakeCall pressesAt(Duration sinceAnswer, char key) {
		this.keys.put(turns(sinceAnswer), key);
		return this;
	}

	/** The caller hangs up on a turn since the first poll. */
	public FakeCall hangsUpAt(Duration sinceAnswer) {
		this.hangUpTurn = turns(sinceAnswer);
		return this;
	}

	/** {@code connect} fails with this error code after the ring time, or succeeds when null. */
	public FakeCall connectFails(@Nullable String errorCode) {
		this.connectError = errorCode;
		return this;
	}

	/** How long {@code connectAsync} rings before its outcome. */
	public FakeCall ringsFor(Duration duration) {
		this.ringsFor = duration;
		return this;
	}

	public FakeCall outgoingCapacity(int bytes) {
		this.outgoingCapacity = bytes;
		return this;
	}

	/** The next sends fail with {@link BufferFullException}. */
	public FakeCall bufferFullOnNextSends(int count) {
		this.bufferFullOnNextSends = count;
		return this;
	}

	// ---- what happened -------------------------------------------------------------------

	public List<String> commands() {
		return this.commands;
	}

	public byte[] agentAudio() {
		return this.agentAudio.toByteArray();
	}

	public int clears() {
		return this.clears;
	}

	public int turn() {
		return this.turn;
	}

	public Duration ringTime() {
		return this.ringTime;
	}

	public @Nullable TerminationReason terminationReason() {
		return this.termination.getNow(null);
	}

	/** The caller hangs up now. */
	public void hangUp() {
		end(TerminationReason.CALLER_HANGUP);
	}

	// ---- ActiveCall ----------------------------------------------------------------------

	@Override
	public String getCallId() {
		return this.callId;
	}

	@Override
	public @Nullable String getCallerNumber() {
		return this.callerNumber;
	}

	@Override
	public @Nullable String getCalleeNumber() {
		return "+441632960999";
	}

	@Override
	public Instant getOfferedAt() {
		return this.offeredAt;
	}

	@Override
	public int getSampleRate() {
		return SAMPLE_RATE;
	}

	@Override
	public CallState getState() {
		return this.state;
	}

	@Override
	public void answer() {
		command("answer");
		this.state = CallState.ANSWERED;
		this.listeners.forEach((listener) -> listener.onAnswered(this));
	}

	@Override
	public CompletableFuture<Void> answerAsync() {
		return CompletableFuture.runAsync(this::answer, Runnable::run);
	}

	@Override
	public void connect() {
		connect(DEFAULT_RING_TIME);
	}

	@Override
	public void connect(Duration ringTime) {
		command("connect");
		this.ringTime = ringTime;
		String error = this.connectError;
		if (error != null) {
			WssCallCommandException failure = new WssCallCommandException("connect", error, "nobody answered");
			this.listeners.forEach((listener) -> listener.onConnectFailed(this, failure));
			throw failure;
		}
		this.state = CallState.CONNECTED;
		this.listeners.forEach((listener) -> listener.onConnected(this));
	}

	@Override
	public CompletableFuture<Void> connectAsync(Duration ringTime) {
		command("connect");
		this.ringTime = ringTime;
		CompletableFuture<Void> future = new CompletableFuture<>();
		this.ringing = future;
		this.ringingEndsTurn = this.turn + turns(this.ringsFor);
		return future;
	}

	private void ringingEnds(CompletableFuture<Void> future) {
		this.ringing = null;
		String error = this.connectError;
		if (error != null) {
			WssCallCommandException failure = new WssCallCommandException("connect", error, "nobody answered");
			this.listeners.forEach((listener) -> listener.onConnectFailed(this, failure));
			future.completeExceptionally(failure);
			return;
		}
		this.state = CallState.CONNECTED;
		this.listeners.forEach((listener) -> listener.onConnected(this));
		future.complete(null);
	}

	@Override
	public void whisper() {
		command("whisper");
	}

	@Override
	public CompletableFuture<Void> whisperAsync() {
		return CompletableFuture.runAsync(this::whisper, Runnable::run);
	}

	@Override
	public void barge() {
		command("barge");
	}

	@Override
	public CompletableFuture<Void> bargeAsync() {
		return CompletableFuture.runAsync(this::barge, Runnable::run);
	}

	@Override
	public void spy() {
		command("spy");
	}

	@Override
	public CompletableFuture<Void> spyAsync() {
		return CompletableFuture.runAsync(this::spy, Runnable::run);
	}

	@Override
	public void disconnect() {
		command("disconnect");
		end(TerminationReason.DISCONNECTED);
	}

	@Override
	public CompletableFuture<Void> disconnectAsync() {
		return CompletableFuture.runAsync(this::disconnect, Runnable::run);
	}

	@Override
	public void close() {
		command("close");
		end(TerminationReason.CLOSED);
	}

	@Override
	public CompletableFuture<Void> closeAsync() {
		return CompletableFuture.runAsync(this::close, Runnable::run);
	}

	@Override
	public AudioStream audioStream() {
		return this.audioStream;
	}

	@Override
	public void setAudioListener(@Nullable AudioListener listener) {
		throw new UnsupportedOperationException("the receptionist reads the audio stream");
	}

	@Override
	public void sendAudio(byte[] pcm) {
		if (this.state == CallState.DISCONNECTED) {
			throw new BufferClosedException("call ended");
		}
		if (this.bufferFullOnNextSends > 0) {
			this.bufferFullOnNextSends--;
			throw new BufferFullException("full (scripted)");
		}
		if (getSendAudioBufferSize() + pcm.length > this.outgoingCapacity) {
			throw new BufferFullException("full");
		}
		if (pcm.length > 0) {
			this.outgoing.add(pcm.clone());
		}
	}

	@Override
	public void sendAudio(ByteBuffer pcm) {
		byte[] bytes = new byte[pcm.remaining()];
		pcm.get(bytes);
		sendAudio(bytes);
	}

	@Override
	public void clearSendAudioBuffer() {
		if (this.state == CallState.DISCONNECTED) {
			throw new WssCallClosedException("call ended");
		}
		this.clears++;
		this.outgoing.clear();
	}

	@Override
	public int getSendAudioBufferSize() {
		return this.outgoing.stream().mapToInt((chunk) -> chunk.length).sum();
	}

	@Override
	public long getPlayedAudioBytes() {
		return this.agentAudio.size();
	}

	@Override
	public boolean awaitPlayback(Duration timeout) {
		if (this.state == CallState.DISCONNECTED) {
			throw new WssCallClosedException("call ended");
		}
		while (!this.outgoing.isEmpty()) {
			pull();
		}
		return true;
	}

	@Override
	public CompletableFuture<Void> playbackFuture() {
		awaitPlayback(Duration.ZERO);
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<TerminationReason> terminationFuture() {
		return this.termination;
	}

	@Override
	public void addListener(CallListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public void removeListener(CallListener listener) {
		this.listeners.remove(listener);
	}

	@Override
	public String toJson() {
		return "{}";
	}

	// ---- the virtual clock -----------------------------------------------------------------

	private byte @Nullable [] advance() {
		if (this.state == CallState.DISCONNECTED) {
			return null;
		}
		this.turn++;
		if (this.turn >= this.hangUpTurn) {
			end(TerminationReason.CALLER_HANGUP);
			return null;
		}
		CompletableFuture<Void> future = this.ringing;
		if (future != null && this.turn >= this.ringingEndsTurn) {
			ringingEnds(future);
		}
		Character key = this.keys.remove(this.turn);
		if (key != null) {
			this.listeners.forEach((listener) -> listener.onDtmf(this, new DtmfEvent(key, Duration.ofMillis(100))));
		}
		pull();
		byte[] frame = new byte[FRAME_BYTES];
		int n = Math.max(0, Math.min(FRAME_BYTES, this.callerAudio.length - this.callerPosition));
		if (n > 0) {
			System.arraycopy(this.callerAudio, this.callerPosition, frame, 0, n);
		}
		this.callerPosition += FRAME_BYTES;
		return frame;
	}

	private void pull() {
		int wanted = FRAME_BYTES;
		while (wanted > 0 && !this.outgoing.isEmpty()) {
			byte[] head = this.outgoing.poll();
			int n = Math.min(wanted, head.length);
			this.agentAudio.write(head, 0, n);
			if (n < head.length) {
				this.outgoing.addFirst(Arrays.copyOfRange(head, n, head.length));
			}
			wanted -= n;
		}
	}

	private void command(String name) {
		if (this.state == CallState.DISCONNECTED) {
			throw new WssCallClosedException("call ended before " + name);
		}
		this.commands.add(name);
	}

	private void end(TerminationReason reason) {
		if (this.state == CallState.DISCONNECTED) {
			return;
		}
		this.state = CallState.DISCONNECTED;
		this.outgoing.clear();
		CompletableFuture<Void> future = this.ringing;
		if (future != null) {
			future.completeExceptionally(new WssCallClosedException("call ended while ringing"));
		}
		this.termination.complete(reason);
		this.listeners.forEach((listener) -> listener.onTerminated(this, reason));
	}

	private static int turns(Duration duration) {
		return (int) (duration.toMillis() / Reframer.DEFAULT_FRAME.toMillis());
	}

	private final class FakeAudioStream implements AudioStream {

		@Override
		public Iterator<byte[]> iterator() {
			return new Iterator<>() {

				private byte @Nullable [] next;

				@Override
				public boolean hasNext() {
					if (this.next == null) {
						this.next = advance();
					}
					return this.next != null;
				}

				@Override
				public byte[] next() {
					if (!hasNext()) {
						throw new NoSuchElementException();
					}
					byte[] result = this.next;
					this.next = null;
					return result;
				}

			};
		}

		@Override
		public byte @Nullable [] poll(Duration timeout) {
			return timeout.isZero() ? null : advance();
		}

		@Override
		public boolean isEnded() {
			return FakeCall.this.state == CallState.DISCONNECTED;
		}

		@Override
		public long droppedChunks() {
			return 0;
		}

	}

}
