package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import io.telcoflow.client.ReconnectBackoff;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the full-jitter reconnect delay.
 */
class ReconnectJitterTests {

	@Test
	void delayIsRandomBetweenZeroAndTheCeiling() {
		ReconnectBackoff backoff = ReconnectBackoff.DEFAULT;
		Set<Duration> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			Duration delay = ControlChannel.jitter(backoff, 3);
			assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(2));
			seen.add(delay);
		}
		assertThat(seen).hasSizeGreaterThan(50);
		for (int i = 0; i < 50; i++) {
			assertThat(ControlChannel.jitter(backoff, 30)).isLessThanOrEqualTo(Duration.ofSeconds(30));
		}
	}

}
