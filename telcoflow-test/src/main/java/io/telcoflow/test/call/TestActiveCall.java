package io.telcoflow.test.call;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * A test double of {@link ActiveCall}: unit-test a handler method without sockets, a server or a
 * simulator. The caller's audio and keys are scripted or sent by the test; the handler's commands,
 * the audio the caller heard and the call's states are recorded, and read with the same AssertJ
 * assertions as a simulated call ({@code TelcoflowAssertions.assertThat(call)}).
 * <pre class="code">
 * TestActiveCall call = TestActiveCall.builder().callerAudio(hello).hangUpAfterCallerAudio().build();
 * frontDesk.onCall(call);
 * assertThat(call).hasCommands("answer", "disconnect").hasHeardAudio(greeting);
 * </pre>
 * <p>
 * It follows the protocol's state machine ({@code PENDING → ANSWERED → CONNECTED → DISCONNECTED}):
 * a command the state does not allow fails with {@link WssCallCommandException} code
 * {@code INVALID_STATE}, a command after the call ended with {@link WssCallClosedException}, and
 * {@link #rejectNext(String, String) scripted rejections} fail as the server would. Audio sent is
 * heard at once unless {@link Builder#manualPlayback() manual playback} keeps it buffered until
 * {@link #play()}, for barge-in tests. Commands run synchronously on the calling thread, as the
 * client's blocking methods do; call listeners are called on that thread too. Thread-safe.
 */
public final class TestActiveCall implements ActiveCall {

	private static final int DEFAULT_BUFFER_CAPACITY = 1024 * 1024;

	private final String callId;

	private final @Nullable String callerNumber;

	private final @Nullable String calleeNumber;

	private final Instant offeredAt;

	private final int sampleRate;

	private final int bufferCapacity;

	private final boolean manualPlayback;

	private final boolean hangUpAfterCallerAudio;

	private final List<byte[]> scriptedAudio;

	private final TestAudioStream audioStream = new TestAudioStream();

	private final List<CallListener> listeners = new CopyOnWriteArrayList<>();

	private final List<CallCommand> commands = new ArrayList<>();

	private final List<CallState> states = new ArrayList<>();

	private final List<Character> dtmf = new ArrayList<>();

	private final Map<String, String> rejections = new java.util.HashMap<>();

	private final ByteArrayOutputStream heard = new ByteArrayOutputStream();

	private final ByteArrayOutputStream buffered = new ByteArrayOutputStream();

	private final CompletableFuture<TerminationReason> termination = new CompletableFuture<>();

	private CompletableFuture<Void> playback = CompletableFuture.completedFuture(null);

	private CallState state = CallState.PENDING;

	private int clears;

	private volatile @Nullable AudioListener audioListener;

	private TestActiveCall(Builder builder) {
		this.callId = builder.callId;
		this.callerNumber = builder.callerNumber;
		this.calleeNumber = builder.calleeNumber;
		this.offeredAt = builder.offeredAt;
		this.sampleRate = builder.sampleRate;
		this.bufferCapacity = builder.bufferCapacity;
		this.manualPlayback = builder.manualPlayback;
		this.hangUpAfterCallerAudio = builder.hangUpAfterCallerAudio;
		this.scriptedAudio = List.copyOf(builder.callerAudio);
		this.states.add(CallState.PENDING);
	}

	/**
	 * Returns a builder of a call in state {@code PENDING}.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns a pending call with default numbers and no caller audio.
	 * @return the call
	 */
	public static TestActiveCall pending() {
		return builder().build();
	}

	// ---- what the test does ------------------------------------------------------------------

	/**
	 * The caller hangs up: the call ends with {@link TerminationReason#CALLER_HANGUP}, the audio
	 * stream ends and the outgoing buffer closes.
	 */
	public void hangUp() {
		end(TerminationReason.CALLER_HANGUP);
	}

	/**
	 * The caller presses a key: every {@link CallListener} gets {@link CallListener#onDtmf}, on
	 * this thread.
	 * @param digit {@code 0-9}, {@code *}, {@code #} or {@code A-D}
	 */
	public void pressDigit(char digit) {
		synchronized (this) {
			this.dtmf.add(digit);
		}
		DtmfEvent event = new DtmfEvent(digit, Duration.ofMillis(100));
		this.listeners.forEach((listener) -> listener.onDtmf(this, event));
	}

	/**
	 * The caller says more: a chunk of audio goes to the audio listener, or else to the stream.
	 * @param pcm PCM s16le mono at the call's sample rate
	 */
	public void sendCallerAudio(byte[] pcm) {
		AudioListener listener = this.audioListener;
		if (listener != null) {
			listener.onAudio(pcm.clone());
		}
		else {
			this.audioStream.offer(pcm.clone());
		}
	}

	/**
	 * With {@link Builder#manualPlayback() manual playback}: the caller hears everything buffered
	 * now, and {@link #awaitPlayback} returns.
	 */
	public void play() {
		CompletableFuture<Void> played;
		synchronized (this) {
			this.heard.writeBytes(this.buffered.toByteArray());
			this.buffered.reset();
			played = this.playback;
		}
		played.complete(null);
	}

	/**
	 * The next command with this name fails as the server would reject it.
	 * @param command the command, such as {@code connect}
	 * @param errorCode the error code, such as {@link WssCallCommandException#CALL_UNANSWERED}
	 * @return this call
	 */
	public synchronized TestActiveCall rejectNext(String command, String errorCode) {
		this.rejections.put(command, errorCode);
		return this;
	}

	// ---- what the test reads ------------------------------------------------------------------

	/**
	 * Returns the commands the handler sent, in order, with their results.
	 * @return the commands
	 */
	public synchronized List<CallCommand> commands() {
		return List.copyOf(this.commands);
	}

	/**
	 * Returns the call's states, in order, starting with {@code PENDING}.
	 * @return the states
	 */
	public synchronized List<CallState> states() {
		return List.copyOf(this.states);
	}

	/**
	 * Returns every byte of audio the caller heard (sent and played, not cleared).
	 * @return PCM s16le mono
	 */
	public synchronized byte[] heardAudio() {
		return this.heard.toByteArray();
	}

	/**
	 * Returns the keys the caller pressed, in order.
	 * @return the keys
	 */
	public synchronized List<Character> dtmfSent() {
		return List.copyOf(this.dtmf);
	}

	/**
	 * Returns how often the handler cleared the outgoing buffer (barge-in).
	 * @return the number of clears
	 */
	public synchronized int clears() {
		return this.clears;
	}

	/**
	 * Returns why the call ended.
	 * @return the reason, {@code null} while it goes on
	 */
	public @Nullable TerminationReason endReason() {
		return this.termination.getNow(null);
	}

	/**
	 * Returns a snapshot for the assertions.
	 * @return what happened on the call so far
	 */
	public synchronized RecordedCall recorded() {
		return new RecordedCall(this.callId, this.state, endReason(), List.copyOf(this.commands),
				List.copyOf(this.states), this.heard.toByteArray(), List.copyOf(this.dtmf));
	}

	// ---- ActiveCall ----------------------------------------------------------------------------

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
		return this.calleeNumber;
	}

	@Override
	public Instant getOfferedAt() {
		return this.offeredAt;
	}

	@Override
	public int getSampleRate() {
		return this.sampleRate;
	}

	@Override
	public synchronized CallState getState() {
		return this.state;
	}

	@Override
	public void answer() {
		command("answer", null, CallState.ANSWERED, CallState.PENDING);
		this.scriptedAudio.forEach(this::sendCallerAudio);
		if (this.hangUpAfterCallerAudio) {
			this.audioStream.hangUpWhenDrained(this::hangUp);
		}
		this.listeners.forEach((listener) -> listener.onAnswered(this));
	}

	@Override
	public CompletableFuture<Void> answerAsync() {
		return async(this::answer);
	}

	@Override
	public void connect() {
		connect(DEFAULT_RING_TIME);
	}

	@Override
	public void connect(Duration ringTime) {
		command("connect", ringTime, CallState.CONNECTED, CallState.PENDING, CallState.ANSWERED);
		this.listeners.forEach((listener) -> listener.onConnected(this));
	}

	@Override
	public CompletableFuture<Void> connectAsync(Duration ringTime) {
		return async(() -> connect(ringTime));
	}

	@Override
	public void whisper() {
		command("whisper", null, CallState.CONNECTED, CallState.CONNECTED);
	}

	@Override
	public CompletableFuture<Void> whisperAsync() {
		return async(this::whisper);
	}

	@Override
	public void barge() {
		command("barge", null, CallState.CONNECTED, CallState.CONNECTED);
	}

	@Override
	public CompletableFuture<Void> bargeAsync() {
		return async(this::barge);
	}

	@Override
	public void spy() {
		command("spy", null, CallState.CONNECTED, CallState.CONNECTED);
	}

	@Override
	public CompletableFuture<Void> spyAsync() {
		return async(this::spy);
	}

	@Override
	public void disconnect() {
		command("disconnect", null, CallState.DISCONNECTED, CallState.PENDING, CallState.ANSWERED,
				CallState.CONNECTED);
		end(TerminationReason.DISCONNECTED);
	}

	@Override
	public CompletableFuture<Void> disconnectAsync() {
		return async(this::disconnect);
	}

	@Override
	public void close() {
		command("close", null, CallState.DISCONNECTED, CallState.PENDING, CallState.ANSWERED, CallState.CONNECTED);
		end(TerminationReason.CLOSED);
	}

	@Override
	public CompletableFuture<Void> closeAsync() {
		return async(this::close);
	}

	@Override
	public AudioStream audioStream() {
		return this.audioStream;
	}

	@Override
	public void setAudioListener(@Nullable AudioListener listener) {
		this.audioListener = listener;
	}

	@Override
	public void sendAudio(byte[] pcm) {
		Objects.requireNonNull(pcm, "pcm");
		synchronized (this) {
			if (this.termination.isDone()) {
				throw new BufferClosedException("Call " + this.callId + " has ended: its audio buffer is closed");
			}
			if (this.buffered.size() + pcm.length > this.bufferCapacity) {
				throw new BufferFullException("The outgoing audio buffer of call " + this.callId + " is full ("
						+ this.bufferCapacity + " bytes)");
			}
			if (!this.manualPlayback) {
				this.heard.writeBytes(pcm);
				return;
			}
			if (this.buffered.size() == 0) {
				this.playback = new CompletableFuture<>();
			}
			this.buffered.writeBytes(pcm);
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
		CompletableFuture<Void> played;
		synchronized (this) {
			this.buffered.reset();
			this.clears++;
			played = this.playback;
		}
		played.complete(null);
	}

	@Override
	public synchronized int getSendAudioBufferSize() {
		return this.buffered.size();
	}

	@Override
	public synchronized long getPlayedAudioBytes() {
		return this.heard.size();
	}

	@Override
	public boolean awaitPlayback(Duration timeout) {
		try {
			playbackFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			throw closed("the call ended before its audio was played");
		}
	}

	@Override
	public synchronized CompletableFuture<Void> playbackFuture() {
		return this.playback.copy();
	}

	@Override
	public CompletableFuture<TerminationReason> terminationFuture() {
		return this.termination.copy();
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
		return "{\"call_id\":\"" + this.callId + "\",\"test_double\":true}";
	}

	@Override
	public String toString() {
		return "TestActiveCall " + this.callId + " (" + getState() + ")";
	}

	// ---- internals ---------------------------------------------------------------------------------

	private void command(String name, @Nullable Duration ringTime, CallState next, CallState... allowedIn) {
		synchronized (this) {
			if (this.termination.isDone()) {
				throw closed("'" + name + "' after the call ended");
			}
			String rejection = this.rejections.remove(name);
			if (rejection == null && !List.of(allowedIn).contains(this.state)) {
				rejection = WssCallCommandException.INVALID_STATE;
			}
			this.commands.add(new CallCommand(name, ringTime, rejection == null, rejection));
			if (rejection != null) {
				throw new WssCallCommandException(name, rejection,
						"'" + name + "' rejected in state " + this.state + " (test double)");
			}
			moveTo(next);
		}
	}

	private void moveTo(CallState next) {
		if (this.state != next) {
			this.state = next;
			this.states.add(next);
		}
	}

	private void end(TerminationReason reason) {
		CompletableFuture<Void> played;
		synchronized (this) {
			if (this.termination.isDone()) {
				return;
			}
			moveTo(CallState.DISCONNECTED);
			this.buffered.reset();
			played = this.playback;
			this.termination.complete(reason);
		}
		this.audioStream.end();
		played.completeExceptionally(closed("the call ended before its audio was played"));
		this.listeners.forEach((listener) -> listener.onTerminated(this, reason));
	}

	private WssCallClosedException closed(String what) {
		return new WssCallClosedException("Call " + this.callId + " has ended: " + what);
	}

	private static CompletableFuture<Void> async(Runnable command) {
		try {
			command.run();
			return CompletableFuture.completedFuture(null);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Builds a {@link TestActiveCall}.
	 */
	public static final class Builder {

		private String callId = "test-call-1";

		private @Nullable String callerNumber = "+441632960001";

		private @Nullable String calleeNumber = "+441632960999";

		private Instant offeredAt = Instant.parse("2026-01-01T00:00:00Z");

		private int sampleRate = 24000;

		private int bufferCapacity = DEFAULT_BUFFER_CAPACITY;

		private boolean manualPlayback;

		private boolean hangUpAfterCallerAudio;

		private final List<byte[]> callerAudio = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Sets the call id.
		 * @param callId the id (default {@code test-call-1})
		 * @return this builder
		 */
		public Builder callId(String callId) {
			this.callId = callId;
			return this;
		}

		/**
		 * Sets the caller's number.
		 * @param callerNumber the number, {@code null} for a withheld one (default {@code +441632960001})
		 * @return this builder
		 */
		public Builder callerNumber(@Nullable String callerNumber) {
			this.callerNumber = callerNumber;
			return this;
		}

		/**
		 * Sets the dialled number.
		 * @param calleeNumber the number, {@code null} when unknown (default {@code +441632960999})
		 * @return this builder
		 */
		public Builder calleeNumber(@Nullable String calleeNumber) {
			this.calleeNumber = calleeNumber;
			return this;
		}

		/**
		 * Sets when the call was offered.
		 * @param offeredAt the instant
		 * @return this builder
		 */
		public Builder offeredAt(Instant offeredAt) {
			this.offeredAt = offeredAt;
			return this;
		}

		/**
		 * Sets the sample rate.
		 * @param sampleRate the rate (default 24000)
		 * @return this builder
		 */
		public Builder sampleRate(int sampleRate) {
			this.sampleRate = sampleRate;
			return this;
		}

		/**
		 * Sets the capacity of the outgoing audio buffer; more fails with
		 * {@link BufferFullException}.
		 * @param bytes the capacity (default 1 MiB)
		 * @return this builder
		 */
		public Builder bufferCapacity(int bytes) {
			this.bufferCapacity = bytes;
			return this;
		}

		/**
		 * Adds chunks of caller audio, delivered (in order) when the call is answered.
		 * @param chunks PCM s16le mono chunks
		 * @return this builder
		 */
		public Builder callerAudio(byte[]... chunks) {
			for (byte[] chunk : chunks) {
				this.callerAudio.add(chunk.clone());
			}
			return this;
		}

		/**
		 * The caller hangs up once the handler has read all their audio, so that a handler's
		 * audio loop ends.
		 * @return this builder
		 */
		public Builder hangUpAfterCallerAudio() {
			this.hangUpAfterCallerAudio = true;
			return this;
		}

		/**
		 * Keeps audio sent in the outgoing buffer until the test calls {@link TestActiveCall#play()}:
		 * for tests of barge-in ({@code clearSendAudioBuffer}) and of {@code awaitPlayback}.
		 * @return this builder
		 */
		public Builder manualPlayback() {
			this.manualPlayback = true;
			return this;
		}

		/**
		 * Builds the call, in state {@code PENDING}.
		 * @return the call
		 */
		public TestActiveCall build() {
			return new TestActiveCall(this);
		}

	}

}
