package io.telcoflow.demo.receptionist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.Reframer;
import io.telcoflow.audio.vad.EnergyVoiceActivityDetector;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallListener;
import io.telcoflow.client.DtmfEvent;
import io.telcoflow.client.audio.AudioStream;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.demo.DemoProperties;
import io.telcoflow.demo.audio.AudioPlayer;
import org.jspecify.annotations.Nullable;

/**
 * The receptionist's side of one call, run on the call's own thread. One audio loop does
 * everything, 20 ms at a time: it tops up the prompt being played, reads the caller's audio,
 * feeds the voice detector and the recording, and looks at the keys pressed.
 * <ol>
 * <li>Answer, play the greeting and a beep. If the caller speaks over it, stop it at once
 * (barge-in) and take the message; if the caller presses 0, put them through.</li>
 * <li>Put through: {@code connect} with the ring time, while the audio loop goes on. When a human
 * answers, leave the call to them ({@code close}); when nobody does ({@code CALL_UNANSWERED}),
 * play the voicemail prompt and take a message.</li>
 * <li>Take a message: record from the first word until a silence, to a WAV file. {@code #} ends
 * it early.</li>
 * <li>Play the goodbye, wait until it has been heard ({@code awaitPlayback}), {@code disconnect}.</li>
 * </ol>
 * A caller who hangs up ends the loop wherever it is. Exceptions of the SDK that are not part of
 * the flow (a rejected command, a call that ended during a command) are left to the caller of
 * {@link #run()}.
 */
public final class ReceptionistCall {

	/** The key that asks for a human. */
	static final char OPERATOR_KEY = '0';

	/** The key that ends a message. */
	static final char END_OF_MESSAGE_KEY = '#';

	private static final Duration POLL = Reframer.DEFAULT_FRAME;

	private final ActiveCall call;

	private final Prompts prompts;

	private final DemoProperties.Receptionist settings;

	private final Path recordingsDir;

	private final CallStory story;

	private final AudioPlayer player;

	private final EnergyVoiceActivityDetector voice;

	private final AudioStream callerAudio;

	private final BlockingQueue<Character> keys = new LinkedBlockingQueue<>();

	/** The caller's latest chunks: the start of a message that began over a prompt. */
	private final Deque<byte[]> preRoll = new ArrayDeque<>();

	/** When the audio loop started, on the {@link System#nanoTime()} clock. */
	private long startNanos;

	/** How much of the caller's audio the loop has read. */
	private Duration heardAudio = Duration.ZERO;

	/**
	 * The audio loop's clock: the caller's audio read, or the time since the loop started when
	 * that is more (no audio arrives while the server is silent).
	 */
	private Duration listened = Duration.ZERO;

	/** The caller's audio read on the loop's last turn, if any. */
	private byte @Nullable [] heard;

	ReceptionistCall(ActiveCall call, Prompts prompts, DemoProperties.Receptionist settings, Path recordingsDir,
			CallStory story) {
		this.call = call;
		this.prompts = prompts;
		this.settings = settings;
		this.recordingsDir = recordingsDir;
		this.story = story;
		this.player = new AudioPlayer(call, settings.getPlaybackLead());
		this.voice = settings.getVoiceDetection().detector(call.getSampleRate());
		this.callerAudio = call.audioStream();
	}

	/**
	 * Handles the call from answer to hang-up.
	 * @return how the call went
	 * @throws IOException when the recording cannot be written
	 */
	public Outcome run() throws IOException {
		this.call.addListener(new CallListener() {
			@Override
			public void onDtmf(ActiveCall call, DtmfEvent dtmf) {
				ReceptionistCall.this.keys.add(dtmf.digit());
			}
		});
		this.call.answer();
		this.startNanos = System.nanoTime();
		this.story.answered();
		Interruption greeting = playListening(true, this.prompts.greeting(), this.prompts.beep());
		if (greeting == Interruption.HANG_UP) {
			return hungUp("during the greeting");
		}
		if (greeting == Interruption.OPERATOR) {
			this.story.tell("caller pressed {}: ringing a human for up to {}", OPERATOR_KEY,
					CallStory.seconds(this.settings.getRingTime()));
			if (!playToEnd(this.prompts.connecting())) {
				return hungUp("before the caller was put through");
			}
			Ringing ringing = putThrough();
			if (ringing == Ringing.CONNECTED) {
				return Outcome.PUT_THROUGH;
			}
			if (ringing == Ringing.HUNG_UP) {
				return hungUp("while a human was rung");
			}
			if (playListening(false, this.prompts.voicemail(), this.prompts.beep()) == Interruption.HANG_UP) {
				return hungUp("during the voicemail prompt");
			}
		}
		else if (greeting == Interruption.SPEECH) {
			this.story.tell("caller spoke over the greeting after {}: greeting stopped (barge-in)",
					CallStory.seconds(this.listened));
		}
		Outcome outcome = takeMessage();
		if (outcome == Outcome.HUNG_UP) {
			return outcome;
		}
		sayGoodbye();
		return outcome;
	}

	/**
	 * Plays prompts while listening to the caller.
	 * @param operatorAllowed whether the operator key interrupts
	 * @param prompts what to play
	 * @return what interrupted the prompts, or {@link Interruption#NONE} when they were played
	 */
	private Interruption playListening(boolean operatorAllowed, WavAudio... prompts) {
		for (WavAudio prompt : prompts) {
			this.player.play(prompt);
		}
		while (listen()) {
			Character key = this.keys.poll();
			if (operatorAllowed && key != null && key == OPERATOR_KEY) {
				this.player.stop();
				return Interruption.OPERATOR;
			}
			if (this.voice.isSpeaking()) {
				this.player.stop();
				return Interruption.SPEECH;
			}
			if (this.player.isIdle()) {
				return Interruption.NONE;
			}
		}
		return Interruption.HANG_UP;
	}

	/**
	 * Plays a prompt that the caller cannot interrupt.
	 * @param prompt what to play
	 * @return {@code false} when the caller hung up
	 */
	private boolean playToEnd(WavAudio prompt) {
		this.player.play(prompt);
		while (listen()) {
			if (this.player.isIdle()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Rings a human and, when one answers, leaves the call to them. The audio loop goes on while
	 * it rings, so that the caller's audio does not pile up in the SDK's queue; what the caller
	 * says meanwhile is not kept.
	 * @return how it went
	 */
	private Ringing putThrough() {
		CompletableFuture<Void> ringing = this.call.connectAsync(this.settings.getRingTime());
		while (!ringing.isDone()) {
			if (!listen()) {
				return Ringing.HUNG_UP;
			}
		}
		try {
			ringing.join();
		}
		catch (CompletionException ex) {
			if (!(ex.getCause() instanceof WssCallCommandException failure)
					|| !WssCallCommandException.CALL_UNANSWERED.equals(failure.errorCode())) {
				throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
			}
			// The call stays answered: fall back to voicemail.
			this.story.tell("nobody answered ({}): taking a message instead", failure.errorCode());
			this.voice.reset();
			this.preRoll.clear();
			this.keys.clear();
			return Ringing.UNANSWERED;
		}
		this.story.tell("put through to a human; the receptionist leaves the call");
		// After connect, close lets caller and callee talk on without the receptionist.
		this.call.close();
		return Ringing.CONNECTED;
	}

	/**
	 * Records the caller from their first word until they fall silent; {@code #} ends it early.
	 * @return {@link Outcome#MESSAGE_TAKEN}, {@link Outcome#NO_MESSAGE} or {@link Outcome#HUNG_UP}
	 */
	private Outcome takeMessage() throws IOException {
		Files.createDirectories(this.recordingsDir);
		Path file = this.recordingsDir.resolve(this.call.getCallId() + ".wav");
		MessageRecorder message = new MessageRecorder(file, this.call.getSampleRate(), this.settings, this.listened,
				this.preRoll);
		boolean hungUp = false;
		try (message) {
			while (true) {
				if (!listen()) {
					hungUp = true;
					break;
				}
				Character key = this.keys.poll();
				if ((key != null && key == END_OF_MESSAGE_KEY)
						|| message.accept(this.heard, this.voice.isSpeaking(), this.listened)) {
					break;
				}
			}
		}
		if (!message.hasMessage()) {
			if (hungUp) {
				return hungUp("before the caller left a message");
			}
			this.story.tell("no message left");
			return Outcome.NO_MESSAGE;
		}
		this.story.tell("message recorded: {} in {}", CallStory.seconds(message.duration()), file);
		return hungUp ? hungUp("after the message") : Outcome.MESSAGE_TAKEN;
	}

	/**
	 * Plays the goodbye, waits until the caller has heard it, and ends the call.
	 */
	private void sayGoodbye() {
		this.player.play(this.prompts.goodbye());
		while (!this.player.isQueueEmpty()) {
			if (!listen()) {
				hungUp("during the goodbye");
				return;
			}
		}
		if (!this.call.awaitPlayback(this.settings.getGoodbyeTimeout())) {
			this.story.warn("the goodbye did not finish playing within {}",
					CallStory.seconds(this.settings.getGoodbyeTimeout()));
		}
		this.story.tell("goodbye played, hanging up");
		this.call.disconnect();
	}

	/**
	 * One turn of the audio loop: tops up the prompt, then waits up to 20 ms for the caller's
	 * audio and feeds it to the voice detector.
	 * @return {@code false} once the call has ended
	 */
	private boolean listen() {
		if (!this.player.pump()) {
			return false;
		}
		byte[] chunk = this.callerAudio.poll(POLL);
		this.heard = chunk;
		if (chunk != null) {
			this.heardAudio = this.heardAudio.plus(AudioFormat.pcm(this.call.getSampleRate()).duration(chunk.length));
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - this.startNanos);
		this.listened = (elapsed.compareTo(this.heardAudio) > 0) ? elapsed : this.heardAudio;
		if (chunk == null) {
			return !this.callerAudio.isEnded();
		}
		this.preRoll.addLast(chunk);
		if (this.preRoll.size() > MessageRecorder.PRE_ROLL_CHUNKS) {
			this.preRoll.removeFirst();
		}
		this.voice.process(chunk);
		return true;
	}

	private Outcome hungUp(String when) {
		this.story.tell("the call ended {}", when);
		return Outcome.HUNG_UP;
	}

	/**
	 * How a call went.
	 */
	public enum Outcome {

		/** The caller left a message. */
		MESSAGE_TAKEN,

		/** The caller said nothing after the beep. */
		NO_MESSAGE,

		/** A human answered and the receptionist left the call to them. */
		PUT_THROUGH,

		/** The caller hung up before the receptionist was done. */
		HUNG_UP

	}

	private enum Interruption {

		NONE, SPEECH, OPERATOR, HANG_UP

	}

	private enum Ringing {

		CONNECTED, UNANSWERED, HUNG_UP

	}

}
