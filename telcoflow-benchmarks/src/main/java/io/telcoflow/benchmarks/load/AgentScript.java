package io.telcoflow.benchmarks.load;

import java.time.Duration;

import io.telcoflow.benchmarks.agent.InstantModels;
import io.telcoflow.simulator.CallerAudio;

/**
 * The caller of a voice-agent run: {@value #PAUSE_MILLIS} ms of silence, {@value #SPEECH_MILLIS} ms
 * of speech (a tone the energy detector takes for speech), {@value #AFTER_MILLIS} ms of silence,
 * again and again. The agent's reply (the end-of-utterance silence, then
 * {@link InstantModels#REPLY_BYTES} bytes of speech) fits in the silence after the speech, so
 * that no turn is a barge-in.
 */
final class AgentScript {

	static final int PAUSE_MILLIS = 1500;

	static final int SPEECH_MILLIS = 1000;

	static final int AFTER_MILLIS = 1000;

	/** The frame of the simulator's caller audio. */
	private static final int FRAME_MILLIS = 20;

	private AgentScript() {
	}

	static CallerAudio callerAudio() {
		return CallerAudio.sequence(CallerAudio.silence(Duration.ofMillis(PAUSE_MILLIS)),
				CallerAudio.tone(300, Duration.ofMillis(SPEECH_MILLIS)),
				CallerAudio.silence(Duration.ofMillis(AFTER_MILLIS)));
	}

	/**
	 * The caller frames of silence after which the agent ends an utterance: its minimum silence
	 * in whole frames (its detector needs the frame that completes the silence).
	 */
	static int silenceFrames() {
		long silence = InstantModels.END_OF_UTTERANCE_SILENCE.toMillis();
		return (int) ((silence + FRAME_MILLIS - 1) / FRAME_MILLIS);
	}

}
