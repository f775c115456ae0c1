package io.telcoflow.spring.boot.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link TelcoflowHealthIndicator}.
 */
class TelcoflowHealthIndicatorTests {

	private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final TelcoflowClient client = mock(TelcoflowClient.class);

	private final TelcoflowConnectionStateTracker tracker = new TelcoflowConnectionStateTracker(this.clock);

	private final TelcoflowHealthIndicator indicator = new TelcoflowHealthIndicator(this.client, this.tracker,
			Duration.ofSeconds(30), "wss://telcoflow.example.com");

	private ConnectionState current = ConnectionState.NEW;

	@BeforeEach
	void noCalls() {
		given(this.client.getActiveCalls()).willReturn(Collections.emptyList());
	}

	@Test
	void readyIsUpWithDetails() {
		given(this.client.getActiveCalls()).willReturn(List.of(mock(ActiveCall.class), mock(ActiveCall.class)));
		moveTo(ConnectionState.CONNECTING);
		this.clock.advance(Duration.ofSeconds(1));
		moveTo(ConnectionState.READY);
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", "READY")
			.containsEntry("since", "2026-01-01T10:00:01Z")
			.containsEntry("url", "wss://telcoflow.example.com")
			.containsEntry("activeCalls", 2)
			.doesNotContainKey("unavailableSince");
	}

	@Test
	void pausedIsUp() {
		moveTo(ConnectionState.READY);
		moveTo(ConnectionState.PAUSED);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void authenticationFailureIsDownAtOnce() {
		moveTo(ConnectionState.CONNECTING);
		moveTo(ConnectionState.AUTHENTICATION_FAILED);
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", "AUTHENTICATION_FAILED");
	}

	@Test
	void lostConnectionIsUpWithinGracePeriodThenDownThenUpAgainWhenReconnected() {
		moveTo(ConnectionState.READY);
		this.clock.advance(Duration.ofMinutes(5));
		moveTo(ConnectionState.RECONNECTING);
		this.clock.advance(Duration.ofSeconds(30));
		Health withinGrace = this.indicator.health();
		assertThat(withinGrace.getStatus()).isEqualTo(Status.UP);
		assertThat(withinGrace.getDetails()).containsEntry("state", "RECONNECTING")
			.containsEntry("unavailableSince", "2026-01-01T10:05:00Z");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
		moveTo(ConnectionState.CONNECTED);
		assertThat(this.indicator.health().getStatus()).as("connected but not ready yet, still past the grace period")
			.isEqualTo(Status.DOWN);
		moveTo(ConnectionState.READY);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void gracePeriodStartsAgainAfterEachRecovery() {
		moveTo(ConnectionState.READY);
		moveTo(ConnectionState.RECONNECTING);
		this.clock.advance(Duration.ofSeconds(25));
		moveTo(ConnectionState.READY);
		this.clock.advance(Duration.ofSeconds(10));
		moveTo(ConnectionState.RECONNECTING);
		this.clock.advance(Duration.ofSeconds(25));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void neverConnectingIsDownAfterGracePeriod() {
		moveTo(ConnectionState.CONNECTING);
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void newIsUnknownAndClosedIsOutOfService() {
		given(this.client.getConnectionState()).willReturn(ConnectionState.NEW);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
		moveTo(ConnectionState.CLOSED);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void stateChangeTheTrackerMissedIsTakenFromTheClient() {
		given(this.client.getConnectionState()).willReturn(ConnectionState.READY);
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", "READY");
	}

	@Test
	void urlIsShownWithoutUserInfoQueryOrFragment() {
		TelcoflowHealthIndicator withSecrets = new TelcoflowHealthIndicator(this.client, this.tracker,
				Duration.ofSeconds(30), "wss://user:s3cr3t@telcoflow.example.com:8443/base?api_key=s3cr3t#frag");
		moveTo(ConnectionState.READY);
		Health health = withSecrets.health();
		assertThat(health.getDetails()).containsEntry("url", "wss://telcoflow.example.com:8443/base");
		assertThat(health.toString()).doesNotContain("s3cr3t");
	}

	@Test
	void unparseableUrlIsNotShown() {
		TelcoflowHealthIndicator odd = new TelcoflowHealthIndicator(this.client, this.tracker, Duration.ofSeconds(30),
				"wss://bad host/ key=s3cr3t");
		moveTo(ConnectionState.READY);
		assertThat(odd.health().getDetails()).doesNotContainKey("url");
	}

	private void moveTo(ConnectionState state) {
		given(this.client.getConnectionState()).willReturn(state);
		this.tracker.onConnectionStateChanged(this.current, state);
		this.current = state;
	}

}
