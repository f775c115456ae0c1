package io.telcoflow.demo.receptionist;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallStoryTests {

	@Test
	void secondsHaveOneDecimalUnlessWhole() {
		assertThat(CallStory.seconds(Duration.ofMillis(2440))).isEqualTo("2.4 s");
		assertThat(CallStory.seconds(Duration.ofMillis(2460))).isEqualTo("2.5 s");
		assertThat(CallStory.seconds(Duration.ofSeconds(30))).isEqualTo("30 s");
		assertThat(CallStory.seconds(Duration.ofMillis(40))).isEqualTo("0 s");
	}

}
