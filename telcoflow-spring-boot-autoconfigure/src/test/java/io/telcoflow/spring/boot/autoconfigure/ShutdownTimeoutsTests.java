package io.telcoflow.spring.boot.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ShutdownTimeouts}.
 */
class ShutdownTimeoutsTests {

	@Test
	void drainTimeoutThatFitsIsKept() {
		ShutdownTimeouts timeouts = ShutdownTimeouts.fit(Duration.ofSeconds(20), Duration.ofSeconds(30));
		assertThat(timeouts.drainTimeout()).isEqualTo(Duration.ofSeconds(20));
		assertThat(timeouts.endTimeout()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void drainTimeoutThatLeavesNoTimeToEndCallsIsReduced() {
		ShutdownTimeouts timeouts = ShutdownTimeouts.fit(Duration.ofSeconds(30), Duration.ofSeconds(30));
		assertThat(timeouts.drainTimeout()).isEqualTo(Duration.ofSeconds(25));
		assertThat(timeouts.endTimeout()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void shortPhaseTimeoutKeepsAQuarterToEndCalls() {
		ShutdownTimeouts timeouts = ShutdownTimeouts.fit(Duration.ofSeconds(20), Duration.ofSeconds(2));
		assertThat(timeouts.drainTimeout()).isEqualTo(Duration.ofMillis(1500));
		assertThat(timeouts.endTimeout()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void zeroDrainTimeoutEndsCallsAtOnce() {
		assertThat(ShutdownTimeouts.fit(Duration.ZERO, Duration.ofSeconds(30)).drainTimeout()).isZero();
	}

	@Test
	void negativeDrainTimeoutIsRejectedNamingTheProperty() {
		assertThatExceptionOfType(InvalidTelcoflowPropertyException.class)
			.isThrownBy(() -> ShutdownTimeouts.fit(Duration.ofSeconds(-1), Duration.ofSeconds(30)))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("telcoflow.shutdown.drain-timeout"));
	}

}
