package io.telcoflow.voiceagent;

import java.time.Duration;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VoiceAgentListener} that keeps Micrometer meters of voice agents:
 * <ul>
 * <li>{@code telcoflow.voice-agent.latency} (timer), tag {@code part}: {@code response} (end of the
 * caller's speech to the first audio of the reply pulled by the server, what the caller
 * experiences), {@code end-of-utterance}, {@code transcription}, {@code first-token},
 * {@code first-speech};</li>
 * <li>{@code telcoflow.voice-agent.turns} (counter), tag {@code outcome}: the {@link TurnOutcome}
 * ({@code COMPLETED}, {@code INTERRUPTED}, {@code FAILED}, {@code CANCELLED});</li>
 * <li>{@code telcoflow.voice-agent.barge-ins} (counter);</li>
 * <li>{@code telcoflow.voice-agent.failures} (counter), tags {@code stage}: the {@link ModelStage}
 * ({@code TRANSCRIPTION}, {@code CHAT}, {@code SPEECH}) and {@code kind} ({@code TIMEOUT},
 * {@code ERROR}).</li>
 * </ul>
 * Tag values that name an enum constant use the constant's name, like the starter's meters.
 * Add it with {@link VoiceAgent.Builder#listener(VoiceAgentListener)} (the Spring Boot
 * auto-configuration does).
 */
public final class VoiceAgentMetrics implements VoiceAgentListener {

	/** Name of the latency timers. */
	public static final String LATENCY = "telcoflow.voice-agent.latency";

	/** Name of the turn counters. */
	public static final String TURNS = "telcoflow.voice-agent.turns";

	/** Name of the barge-in counter. */
	public static final String BARGE_INS = "telcoflow.voice-agent.barge-ins";

	/** Name of the failure counters. */
	public static final String FAILURES = "telcoflow.voice-agent.failures";

	private final MeterRegistry registry;

	private final Counter bargeIns;

	/**
	 * Creates the meters in a registry.
	 * @param registry the registry
	 */
	public VoiceAgentMetrics(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.bargeIns = Counter.builder(BARGE_INS)
			.description("Times a caller spoke over a voice agent and the agent stopped")
			.register(registry);
	}

	@Override
	public void onEvent(VoiceAgentEvent event) {
		if (event instanceof VoiceAgentEvent.TurnCompleted turn) {
			Counter.builder(TURNS)
				.description("Turns of voice agent conversations, by outcome")
				.tag("outcome", turn.outcome().name())
				.register(this.registry)
				.increment();
			record("response", turn.response());
			record("end-of-utterance", turn.endOfUtterance());
			record("transcription", turn.transcription());
			record("first-token", turn.firstToken());
			record("first-speech", turn.firstSpeech());
		}
		else if (event instanceof VoiceAgentEvent.BargeIn) {
			this.bargeIns.increment();
		}
		else if (event instanceof VoiceAgentEvent.ModelFailed failed) {
			Counter.builder(FAILURES)
				.description("Voice agent model calls that failed or timed out")
				.tag("stage", failed.stage().name())
				.tag("kind", failed.timedOut() ? "TIMEOUT" : "ERROR")
				.register(this.registry)
				.increment();
		}
	}

	private void record(String part, @Nullable Duration duration) {
		if (duration != null) {
			Timer.builder(LATENCY)
				.description("Latency of voice agent turns, by part")
				.tag("part", part)
				.register(this.registry)
				.record(duration);
		}
	}

}
