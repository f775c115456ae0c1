package io.telcoflow.voiceagent;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VoiceAgentMetrics}.
 */
class VoiceAgentMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final VoiceAgentMetrics metrics = new VoiceAgentMetrics(this.registry);

	@Test
	void aTurnCountsAndRecordsEachPartItReached() {
		this.metrics.onEvent(new VoiceAgentEvent.TurnCompleted("call-1", Instant.now(), 1, TurnOutcome.COMPLETED,
				Duration.ofMillis(600), Duration.ofMillis(300), Duration.ofMillis(200), null, Duration.ofMillis(1500)));
		assertThat(this.registry.get(VoiceAgentMetrics.TURNS).tag("outcome", "COMPLETED").counter().count()).isOne();
		assertThat(this.registry.get(VoiceAgentMetrics.LATENCY).tag("part", "response").timer()
			.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
		assertThat(this.registry.get(VoiceAgentMetrics.LATENCY).tag("part", "transcription").timer().count()).isOne();
		assertThat(this.registry.find(VoiceAgentMetrics.LATENCY).tag("part", "first-speech").timer()).isNull();
	}

	@Test
	void bargeInsAndFailuresAreCounted() {
		this.metrics.onEvent(new VoiceAgentEvent.BargeIn("call-1", Instant.now(), 4800, "Hello"));
		this.metrics.onEvent(new VoiceAgentEvent.ModelFailed("call-1", Instant.now(), ModelStage.CHAT,
				new TimeoutException(), true));
		assertThat(this.registry.get(VoiceAgentMetrics.BARGE_INS).counter().count()).isOne();
		assertThat(this.registry.get(VoiceAgentMetrics.FAILURES).tags("stage", "CHAT", "kind", "TIMEOUT").counter()
			.count()).isOne();
	}

}
