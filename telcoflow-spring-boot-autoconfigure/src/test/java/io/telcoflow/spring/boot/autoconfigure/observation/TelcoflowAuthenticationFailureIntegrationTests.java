package io.telcoflow.spring.boot.autoconfigure.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.boot.health.TelcoflowHealthIndicator;
import io.telcoflow.spring.boot.metrics.TelcoflowMetrics;
import io.telcoflow.spring.event.AuthenticationFailedEvent;
import io.telcoflow.spring.event.TelcoflowErrorEvent;
import io.telcoflow.spring.test.SimulatorApplications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Revoked credentials against the simulator: one {@link AuthenticationFailedEvent}, one error
 * counted, health {@code DOWN} at once, and no secret in the health details.
 */
@SpringBootTest(classes = TelcoflowAuthenticationFailureIntegrationTests.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "management.metrics.use-global-registry=false",
				"management.health.telcoflow.disconnected-grace-period=1h", "telcoflow.reconnect.initial-delay=100ms" })
class TelcoflowAuthenticationFailureIntegrationTests {

	private static final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	private MeterRegistry meterRegistry;

	@Autowired
	private TelcoflowHealthIndicator healthIndicator;

	@Autowired
	private RecordedErrors errors;

	@DynamicPropertySource
	static void telcoflowProperties(DynamicPropertyRegistry registry) {
		SimulatorApplications.register(registry, simulator);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void revokedCredentialsAreOneEventOneErrorAndHealthDown() {
		simulator.awaitReadySessions(1, TIMEOUT);
		simulator.faults().revokeCredentials();
		await().atMost(TIMEOUT).untilAsserted(() -> {
			Health health = this.healthIndicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("state", "AUTHENTICATION_FAILED");
		});
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.errors.events).singleElement()
				.isInstanceOf(AuthenticationFailedEvent.class));
		assertThat(this.meterRegistry.get(TelcoflowMetrics.ERRORS)
			.tag("exception", "WssAuthenticationException")
			.counter()
			.count()).isOne();
		assertThat(this.healthIndicator.health().toString()).doesNotContain(simulator.apiKey());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Handler.class, RecordedErrors.class })
	static class TestApplication {

	}

	static class Handler {

		@OnIncomingCall
		void answer(ActiveCall call) {
			call.answer();
		}

	}

	static class RecordedErrors {

		final List<TelcoflowErrorEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(TelcoflowErrorEvent event) {
			this.events.add(event);
		}

	}

}
