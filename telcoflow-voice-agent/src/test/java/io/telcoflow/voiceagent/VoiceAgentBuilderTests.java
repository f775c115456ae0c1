package io.telcoflow.voiceagent;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link VoiceAgent.Builder}.
 */
class VoiceAgentBuilderTests {

	@Test
	void theModelsAreRequired() {
		assertThatIllegalStateException().isThrownBy(() -> VoiceAgent.builder().build())
			.withMessage("A voice agent needs a chat client (chatClient or chatModel); set it on VoiceAgent.builder()");
	}

	@Test
	void durationsMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VoiceAgent.builder().bargeInMinDuration(Duration.ZERO))
			.withMessage("bargeInMinDuration must be positive, was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VoiceAgent.builder().endOfUtteranceSilence(Duration.ofMillis(-1)))
			.withMessageContaining("endOfUtteranceSilence must be positive");
	}

	@Test
	void theFallbackLineMustSaySomething() {
		assertThatIllegalArgumentException().isThrownBy(() -> VoiceAgent.builder().fallbackLine(" "))
			.withMessage("fallbackLine must not be blank");
	}

}
