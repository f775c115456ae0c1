package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first report passes, then one per interval, saying how many were held back.
 */
class ReportLimiterTests {

	@Test
	void firstReportPassesThenOnePerIntervalWithTheCountHeldBack() {
		AtomicLong now = new AtomicLong(5);
		ReportLimiter limiter = new ReportLimiter(Duration.ofNanos(100), now::get);
		assertThat(limiter.tryReport()).isZero();
		assertThat(limiter.tryReport()).isEqualTo(-1);
		now.addAndGet(99);
		assertThat(limiter.tryReport()).isEqualTo(-1);
		now.addAndGet(1);
		assertThat(limiter.tryReport()).isEqualTo(2);
		now.addAndGet(500);
		assertThat(limiter.tryReport()).isZero();
		assertThat(ReportLimiter.heldBack(2, "reports")).contains("2 more reports");
		assertThat(ReportLimiter.heldBack(0, "reports")).isEmpty();
	}

}
