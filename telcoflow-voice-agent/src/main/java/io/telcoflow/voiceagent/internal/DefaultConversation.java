package io.telcoflow.voiceagent.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.observation.Observation;
import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.Reframer;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallListener;
import io.telcoflow.client.CallState;
import io.telcoflow.client.DtmfEvent;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.voiceagent.CallTool;
import io.telcoflow.voiceagent.Conversation;
import io.telcoflow.voiceagent.ModelStage;
import io.telcoflow.voiceagent.TranscriptEntry;
import io.telcoflow.voiceagent.TurnOutcome;
import io.telcoflow.voiceagent.VoiceAgentEvent;
import io.telcoflow.voiceagent.VoiceAgentEvent.EndReason;
import io.telcoflow.voiceagent.VoiceAgentListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;

/**
 * A voice agent's conversation on one call: the engine.
 * <p>
 * Threads: the caller's audio arrives on the media reader thread ({@link CallerSpeech}), which also
 * decides a barge-in and clears the outgoing audio at once; each reply runs as a Reactor pipeline
 * (transcription, chat stream, sentences, synthesis) whose audio is sent from one bounded-elastic
 * worker (it may wait when the outgoing buffer is full); a shared ticker watches the bytes the server
 * pulled (first audio heard, end of playback). The conversation's lock ({@code this}) guards the
 * current reply, the outgoing offset and the memory writes, so that a barge-in and the sending thread
 * never both touch the outgoing buffer.
 */
public final class DefaultConversation implements Conversation, CallListener, CallerSpeech.Listener,
		CallTools.Actions {

	private static final Logger logger = LoggerFactory.getLogger(DefaultConversation.class);

	/** How often the played bytes are looked at: the resolution of the response latency. */
	static final Duration TICK = Duration.ofMillis(10);

	/** Audio buffered beyond this waits before more is sent (the buffer holds about 21 s by default). */
	static final Duration HIGH_WATER = Duration.ofSeconds(8);

	/** The longest wait for a goodbye or a transfer announcement to play before the call ends. */
	static final Duration CLOSING_PLAYBACK = Duration.ofSeconds(60);

	static final String OBSERVATION = "telcoflow.voice-agent.turn";

	private static final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "telcoflow-voice-agent-ticker");
		thread.setDaemon(true);
		return thread;
	});

	private final AgentSettings settings;

	private final ActiveCall call;

	private final String callId;

	private final AudioFormat format;

	private final CallTools callTools;

	private final ReplyPipeline pipeline;

	private final CallerSpeech callerSpeech;

	private final List<TranscriptEntry> transcript = new ArrayList<>();

	private final CompletableFuture<EndReason> endFuture = new CompletableFuture<>();

	private final long highWaterBytes;

	// Written with the lock held; read without it by the reader and sending threads.
	private volatile boolean active = true;

	// The memory as it was when the conversation ended (an agent's own memory forgets the call then).
	private volatile @Nullable List<Message> endedMessages;

	private @Nullable Reply reply;

	private long outOffset;

	private int turns;

	private @Nullable ScheduledFuture<?> tick;

	// The reader thread's: an utterance whose reply was cancelled before it was heard.
	private byte @Nullable [] carriedUtterance;

	private DefaultConversation(AgentSettings settings, ActiveCall call) {
		this.settings = settings;
		this.call = call;
		this.callId = call.getCallId();
		this.format = call.getAudioFormat();
		this.highWaterBytes = this.format.bytes(HIGH_WATER);
		this.callTools = new CallTools(call, settings.transferRingTime(), this);
		List<ToolCallback> callbacks = new ArrayList<>(this.callTools.callbacks(settings.callTools()));
		callbacks.addAll(settings.toolCallbacks());
		if (!settings.tools().isEmpty()) {
			callbacks.addAll(List.of(ToolCallbacks.from(settings.tools().toArray())));
		}
		this.pipeline = new ReplyPipeline(settings, call, callbacks, this::heardCaller);
		this.callerSpeech = new CallerSpeech(this.format, settings.voiceActivityDetector().apply(this.format.sampleRate()),
				settings.bargeInMinDuration(), settings.maxUtterance(), this);
	}

	/**
	 * Starts a conversation on a call: answers it if it is still ringing, says the greeting, listens.
	 * @param settings the agent
	 * @param call the call
	 * @return the conversation
	 */
	public static DefaultConversation start(AgentSettings settings, ActiveCall call) {
		DefaultConversation conversation = new DefaultConversation(settings, call);
		conversation.begin();
		return conversation;
	}

	private void begin() {
		// Listening before answering, so that a caller who speaks at once is heard from the first frame.
		this.call.addListener(this);
		this.call.setAudioListener(this::onCallerAudio);
		if (this.call.getState() == CallState.PENDING) {
			this.call.answer();
		}
		this.settings.fallbackAudio()
			.prepare(this.settings.speechModel(), this.settings.speechOptions(), this.settings.fallbackLine(),
					this.settings.speechTimeout());
		synchronized (this) {
			this.outOffset = this.call.getPlayedAudioBytes() + this.call.getSendAudioBufferSize();
			this.tick = ticker.scheduleAtFixedRate(this::tick, TICK.toNanos(), TICK.toNanos(), TimeUnit.NANOSECONDS);
		}
		emit(new VoiceAgentEvent.ConversationStarted(this.callId, Instant.now()));
		String greeting = this.settings.greeting();
		if (greeting != null) {
			synchronized (this) {
				Reply greetingReply = new Reply(0, new byte[0], 0, Duration.ZERO, this.format.bytesPerSecond(), null);
				this.reply = greetingReply;
				run(greetingReply, Flux.just(greeting).concatMap((sentence) -> this.pipeline.speak(greetingReply, sentence)));
			}
		}
		if (this.call.terminationFuture().isDone()) {
			end(EndReason.CALL_ENDED);
		}
	}

	// ---- the caller ---------------------------------------------------------------------

	private void onCallerAudio(byte[] pcm) {
		if (this.active) {
			this.callerSpeech.feed(pcm);
		}
	}

	@Override
	public void spokeLong() {
		synchronized (this) {
			Reply current = this.reply;
			if (current == null || current.finished || current.closing || !this.active) {
				return;
			}
			if (current.isAudible()) {
				if (this.settings.bargeIn()) {
					bargeIn(current);
				}
			}
			else {
				// The caller goes on before the reply began: answer both utterances together.
				current.cancelled = true;
				cancelLater(current);
				if (current.userText != null) {
					this.settings.chatMemory().add(this.callId, new UserMessage(current.userText));
				}
				else if (current.utterance.length > 0) {
					this.carriedUtterance = current.utterance;
				}
				finish(current, TurnOutcome.CANCELLED, this.call.getPlayedAudioBytes());
			}
		}
	}

	/** Called with the lock held, on the reader thread: stops the agent within a frame. */
	private void bargeIn(Reply current) {
		current.cancelled = true;
		this.call.clearSendAudioBuffer();
		long played = this.call.getPlayedAudioBytes();
		this.outOffset = played;
		cancelLater(current);
		String heard = current.ledger.split(played)[0];
		emit(new VoiceAgentEvent.BargeIn(this.callId, Instant.now(), Math.max(0, played - current.firstAudioOffset),
				heard));
		finish(current, TurnOutcome.INTERRUPTED, played);
	}

	@Override
	public void utterance(byte[] audio, Duration speech, Duration endOfUtterance) {
		byte[] carried = this.carriedUtterance;
		this.carriedUtterance = null;
		if (carried != null) {
			byte[] joined = new byte[carried.length + audio.length];
			System.arraycopy(carried, 0, joined, 0, carried.length);
			System.arraycopy(audio, 0, joined, carried.length, audio.length);
			audio = joined;
		}
		long speechEnd = System.nanoTime() - endOfUtterance.toNanos();
		synchronized (this) {
			Reply current = this.reply;
			if (!this.active || (current != null && !current.finished)) {
				// Too short to interrupt the agent (a cough, a "mhm"): not a turn.
				return;
			}
			int turn = ++this.turns;
			Observation observation = Observation.createNotStarted(OBSERVATION, this.settings.observationRegistry())
				.contextualName("voice-agent turn")
				.highCardinalityKeyValue("telcoflow.call.id", this.callId)
				.start();
			Reply next = new Reply(turn, audio, speechEnd, endOfUtterance, this.format.bytesPerSecond(), observation);
			this.reply = next;
			// Assembled off the reader thread, which reads other calls' audio too.
			Schedulers.boundedElastic().schedule(() -> {
				synchronized (this) {
					if (!next.cancelled) {
						run(next, this.pipeline.turn(next));
					}
				}
			});
		}
	}

	/**
	 * Cancels a reply's models off the reader thread (a model's cancellation may close a
	 * connection); nothing more of the reply is sent meanwhile, as it is marked cancelled.
	 */
	private static void cancelLater(Reply reply) {
		Schedulers.boundedElastic().schedule(reply::dispose);
	}

	@Override
	public void onDtmf(ActiveCall call, DtmfEvent dtmf) {
		this.callTools.digit(dtmf.digit());
	}

	@Override
	public void onTerminated(ActiveCall call, TerminationReason reason) {
		end(EndReason.CALL_ENDED);
	}

	// ---- a reply's pipeline ---------------------------------------------------------------

	private void heardCaller(Reply reply, String text, Duration speech) {
		synchronized (this) {
			if (reply.cancelled) {
				return;
			}
			reply.userText = text;
			record(new TranscriptEntry(TranscriptEntry.Speaker.CALLER, text, "", false, Instant.now()));
			emit(new VoiceAgentEvent.CallerSaid(this.callId, Instant.now(), text, speech));
		}
		if (reply.observation != null) {
			reply.observation.event(Observation.Event.of("telcoflow.voice-agent.transcribed"));
		}
	}

	/** Called with the lock held. */
	private void run(Reply reply, Flux<SpeechPiece> pieces) {
		reply.subscription = pieces.publishOn(Schedulers.boundedElastic())
			.subscribe((piece) -> send(reply, piece), (ex) -> failed(reply, ex), () -> sendingDone(reply));
	}

	// ---- sending (one worker thread per reply) ---------------------------------------------

	private void send(Reply reply, SpeechPiece piece) {
		switch (piece.kind()) {
			case BEGIN -> {
				reply.converter = new AudioConverter(this.settings.speechFormat(), this.format);
				reply.reframer = new Reframer(this.format, Reframer.DEFAULT_FRAME);
				synchronized (this) {
					if (reply.cancelled) {
						return;
					}
					reply.ledger.begin(piece.text(), this.outOffset);
				}
			}
			case AUDIO -> {
				AudioConverter converter = reply.converter;
				Reframer reframer = reply.reframer;
				if (converter != null && reframer != null) {
					sendFrames(reply, reframer.add(converter.convert(piece.audio())));
				}
			}
			case END -> {
				AudioConverter converter = reply.converter;
				Reframer reframer = reply.reframer;
				if (converter != null && reframer != null) {
					List<byte[]> frames = new ArrayList<>(reframer.add(converter.flush()));
					byte[] last = reframer.flushPadded((byte) 0);
					if (last.length > 0) {
						frames.add(last);
					}
					sendFrames(reply, frames);
				}
				synchronized (this) {
					if (!reply.cancelled) {
						reply.ledger.complete();
					}
				}
			}
		}
	}

	private void sendFrames(Reply reply, List<byte[]> frames) {
		if (frames.isEmpty()) {
			return;
		}
		while (this.call.getSendAudioBufferSize() > this.highWaterBytes && !reply.cancelled && this.active) {
			LockSupport.parkNanos(TICK.toNanos());
		}
		synchronized (this) {
			if (reply.cancelled || !this.active) {
				return;
			}
			if (reply.firstAudioOffset < 0) {
				reply.firstAudioOffset = this.outOffset;
			}
			for (byte[] frame : frames) {
				this.call.sendAudio(frame);
				this.outOffset += frame.length;
			}
			reply.ledger.extend(this.outOffset);
		}
	}

	private void failed(Reply reply, Throwable failure) {
		synchronized (this) {
			if (reply.cancelled || reply.finished) {
				return;
			}
			reply.failed = true;
			// The sentence being synthesized ends where its audio ended.
			reply.ledger.complete();
		}
		ModelStage stage = (failure instanceof ReplyPipeline.StageFailure staged) ? staged.stage : ModelStage.CHAT;
		Throwable cause = (failure instanceof ReplyPipeline.StageFailure && failure.getCause() != null) ? failure.getCause() : failure;
		boolean timedOut = cause instanceof TimeoutException;
		logger.warn("Call {}: the voice agent's {} model {}; the caller hears the fallback line", this.callId,
				stage.name().toLowerCase(Locale.ROOT), timedOut ? "timed out" : "failed: " + cause);
		if (reply.observation != null) {
			reply.observation.error(cause);
		}
		emit(new VoiceAgentEvent.ModelFailed(this.callId, Instant.now(), stage, cause, timedOut));
		byte[] fallback = this.settings.fallbackAudio().audio();
		if (fallback != null) {
			send(reply, SpeechPiece.begin(this.settings.fallbackLine()));
			send(reply, SpeechPiece.audio(fallback));
			send(reply, SpeechPiece.end());
		}
		sendingDone(reply);
	}

	private void sendingDone(Reply reply) {
		boolean closing;
		synchronized (this) {
			if (reply.cancelled || reply.finished) {
				return;
			}
			reply.sendingDone = true;
			closing = reply.hangUp || reply.transferred;
		}
		if (closing) {
			// The goodbye plays to the end (this is a worker thread of the reply: it may wait).
			this.call.awaitPlayback(CLOSING_PLAYBACK);
			synchronized (this) {
				if (!reply.finished) {
					finish(reply, TurnOutcome.COMPLETED, this.call.getPlayedAudioBytes());
				}
			}
			if (reply.transferred) {
				end(EndReason.TRANSFERRED, this.call::close);
			}
			else {
				end(EndReason.HUNG_UP, this.call::disconnect);
			}
		}
	}

	// ---- the ticker ------------------------------------------------------------------------

	private void tick() {
		try {
			synchronized (this) {
				Reply current = this.reply;
				if (current == null || current.finished || !this.active) {
					return;
				}
				long played = this.call.getPlayedAudioBytes();
				if (current.firstAudioOffset >= 0 && current.firstPlayedNanos == 0 && played > current.firstAudioOffset) {
					current.firstPlayedNanos = System.nanoTime();
					if (current.observation != null) {
						current.observation.event(Observation.Event.of("telcoflow.voice-agent.first-audio-played"));
					}
				}
				if (current.sendingDone && !current.closing && played >= this.outOffset) {
					finish(current, current.failed ? TurnOutcome.FAILED : outcomeOfSilentReply(current), played);
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Call {}: voice agent tick failed", this.callId, ex);
		}
	}

	private static TurnOutcome outcomeOfSilentReply(Reply reply) {
		return (reply.userText == null) ? TurnOutcome.CANCELLED : TurnOutcome.COMPLETED;
	}

	// ---- the end of a reply, and of the conversation ----------------------------------------

	/** Called with the lock held. */
	private void finish(Reply reply, TurnOutcome outcome, long played) {
		reply.finished = true;
		if (this.reply == reply) {
			this.reply = null;
		}
		String[] split = reply.ledger.split((outcome == TurnOutcome.COMPLETED) ? Long.MAX_VALUE : played);
		String heard = split[0];
		String unheard = split[1];
		List<Message> messages = new ArrayList<>(2);
		if (reply.userText != null && outcome != TurnOutcome.CANCELLED) {
			messages.add(new UserMessage(reply.userText));
		}
		if (!heard.isEmpty()) {
			messages.add(new AssistantMessage(heard));
		}
		if (!messages.isEmpty()) {
			this.settings.chatMemory().add(this.callId, messages);
		}
		boolean interrupted = outcome == TurnOutcome.INTERRUPTED;
		if (!reply.ledger.isEmpty()) {
			Instant now = Instant.now();
			record(new TranscriptEntry(TranscriptEntry.Speaker.AGENT, heard, unheard, interrupted, now));
			emit(new VoiceAgentEvent.AgentSaid(this.callId, now, heard, unheard, interrupted));
		}
		if (reply.turn > 0) {
			emit(new VoiceAgentEvent.TurnCompleted(this.callId, Instant.now(), reply.turn, outcome,
					reply.endOfUtterance, Reply.between(reply.transcriptionStartNanos, reply.transcriptionEndNanos),
					Reply.between(reply.chatStartNanos, reply.firstTokenNanos),
					Reply.between(reply.speechStartNanos, reply.firstSpeechNanos),
					Reply.between(reply.speechEndNanos, reply.firstPlayedNanos)));
			if (reply.observation != null) {
				reply.observation.lowCardinalityKeyValue("outcome", outcome.name());
				reply.observation.stop();
			}
		}
	}

	@Override
	public void end() {
		end(EndReason.ENDED);
	}

	private void end(EndReason reason) {
		end(reason, null);
	}

	/** Ends the conversation, then gives the call its last command (the agent hangs up or leaves). */
	private void end(EndReason reason, @Nullable Runnable lastCommand) {
		synchronized (this) {
			if (!this.active) {
				return;
			}
			this.active = false;
			Reply current = this.reply;
			if (current != null && !current.finished) {
				current.cancelled = true;
				current.dispose();
				if (reason == EndReason.ENDED) {
					closeQuietly(this.call::clearSendAudioBuffer);
				}
				finish(current, TurnOutcome.CANCELLED, this.call.getPlayedAudioBytes());
			}
			if (this.tick != null) {
				this.tick.cancel(false);
			}
		}
		closeQuietly(() -> this.call.setAudioListener(null));
		this.call.removeListener(this);
		if (lastCommand != null) {
			closeQuietly(lastCommand);
		}
		this.endedMessages = List.copyOf(this.settings.chatMemory().get(this.callId));
		if (this.settings.ownMemory()) {
			this.settings.chatMemory().clear(this.callId);
		}
		emit(new VoiceAgentEvent.ConversationEnded(this.callId, Instant.now(), reason));
		this.endFuture.complete(reason);
	}

	private void closeQuietly(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			logger.debug("Call {}: {}", this.callId, ex.toString());
		}
	}

	// ---- the call tools' actions -------------------------------------------------------------

	@Override
	public void transferred() {
		closing(true);
	}

	@Override
	public void hangUp() {
		closing(false);
	}

	/** The current reply is a goodbye or a transfer announcement: it plays to the end, then the call ends. */
	private void closing(boolean transfer) {
		synchronized (this) {
			Reply current = this.reply;
			if (current != null) {
				current.transferred |= transfer;
				current.hangUp |= !transfer;
				current.closing = true;
			}
		}
	}

	@Override
	public void used(CallTool tool, String result) {
		emit(new VoiceAgentEvent.CallToolUsed(this.callId, Instant.now(), tool, result));
	}

	// ---- events and the public view ------------------------------------------------------------

	private void record(TranscriptEntry entry) {
		synchronized (this.transcript) {
			this.transcript.add(entry);
		}
	}

	private void emit(VoiceAgentEvent event) {
		for (VoiceAgentListener listener : this.settings.listeners()) {
			try {
				listener.onEvent(event);
			}
			catch (RuntimeException ex) {
				logger.warn("Call {}: voice agent listener {} failed on {}", this.callId, listener,
						event.getClass().getSimpleName(), ex);
			}
		}
	}

	@Override
	public ActiveCall call() {
		return this.call;
	}

	@Override
	public List<TranscriptEntry> transcript() {
		synchronized (this.transcript) {
			return List.copyOf(this.transcript);
		}
	}

	@Override
	public List<Message> messages() {
		List<Message> ended = this.endedMessages;
		return (ended != null) ? ended : List.copyOf(this.settings.chatMemory().get(this.callId));
	}

	@Override
	public boolean isActive() {
		return this.active;
	}

	@Override
	public CompletableFuture<EndReason> endFuture() {
		return this.endFuture.copy();
	}

	@Override
	public boolean awaitEnd(Duration timeout) {
		return this.endFuture.thenApply((reason) -> true)
			.completeOnTimeout(false, timeout.toNanos(), TimeUnit.NANOSECONDS)
			.join();
	}

	@Override
	public String toString() {
		return "Conversation[call=" + this.callId + ", active=" + this.active + "]";
	}

}
