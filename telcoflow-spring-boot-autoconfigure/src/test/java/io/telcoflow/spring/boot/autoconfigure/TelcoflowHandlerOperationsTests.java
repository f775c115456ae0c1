package io.telcoflow.spring.boot.autoconfigure;

import java.time.Duration;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.boot.actuate.TelcoflowEndpoint;
import io.telcoflow.spring.boot.actuate.TelcoflowEndpoint.CallDescriptor;
import io.telcoflow.spring.listener.IncomingCallErrorHandler;
import io.telcoflow.spring.test.SimulatorApplications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operating handlers against the simulator: stopping and starting the application's or one
 * handler's calls through the {@code telcoflow} Actuator endpoint (readiness follows), the handler
 * that took each live call, and failure handling per handler.
 */
@SpringBootTest(classes = TelcoflowHandlerOperationsTests.TestApplication.class,
		properties = { "spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=telcoflow" })
class TelcoflowHandlerOperationsTests {

	static final String SALES = "+441632960100";

	static final String MODEL_DOWN = "+441632960500";

	static final String RELEASE_ON_FAILURE = "+441632960600";

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	static final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	@DynamicPropertySource
	static void telcoflowProperties(DynamicPropertyRegistry registry) {
		SimulatorApplications.register(registry, simulator);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Autowired
	private TelcoflowEndpoint endpoint;

	@Autowired
	private ApplicationAvailability availability;

	@BeforeEach
	void awaitReady() {
		simulator.awaitReadySessions(1, TIMEOUT);
	}

	@AfterEach
	void takeCallsAgain() {
		this.endpoint.takeCalls(true, "handlers.sales");
		this.endpoint.takeCalls(true, null);
	}

	@Test
	void stoppedApplicationIsOfferedNoCallAndRefusesTrafficUntilStartedAgain() {
		assertThat(this.endpoint.takeCalls(false, null).takingCalls()).isFalse();
		await().atMost(TIMEOUT).until(() -> simulator.sessions().get(0).isPaused());
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
		SimulatedCall waiting = simulator.placeCall(CallScript.builder().calleeNumber("+441632960200").build());
		assertThat(waiting.record().offeredTo()).isEmpty();
		assertThat(this.endpoint.takeCalls(true, null).takingCalls()).isTrue();
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(waiting.awaitEnded(TIMEOUT)).isEqualTo("disconnected");
		assertThat(waiting.record().commandNames()).containsSubsequence("answer", "disconnect");
	}

	@Test
	void stoppedHandlerLeavesItsCallsToTheNextHandlerThatMatches() {
		this.endpoint.takeCalls(false, "handlers.sales");
		SimulatedCall call = simulator.placeCall(CallScript.builder().calleeNumber(SALES).build());
		assertThat(call.awaitEnded(TIMEOUT)).isEqualTo("disconnected");
		assertThat(call.record().commandNames()).containsExactly("answer", "disconnect");
		this.endpoint.takeCalls(true, "handlers.sales");
		SimulatedCall next = simulator.placeCall(CallScript.builder().calleeNumber(SALES).build());
		next.awaitState("ANSWERED", TIMEOUT);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.endpoint.call(next.callId())).isNotNull()
				.extracting(CallDescriptor::handler)
				.isEqualTo("handlers.sales"));
		next.hangUp();
		next.awaitEnded(TIMEOUT);
	}

	@Test
	void errorHandlerOfOneHandlerConnectsTheCallInsteadOfEndingIt() {
		SimulatedCall call = simulator.placeCall(CallScript.builder().calleeNumber(MODEL_DOWN).build());
		call.awaitState("CONNECTED", TIMEOUT);
		assertThat(call.record().commandNames()).containsExactly("answer", "connect");
		call.hangUp();
		assertThat(call.awaitEnded(TIMEOUT)).isEqualTo("caller_hangup");
	}

	@Test
	void failureActionOfOneHandlerOverridesTheGlobalOne() {
		SimulatedCall call = simulator.placeCall(CallScript.builder().calleeNumber(RELEASE_ON_FAILURE).build());
		assertThat(call.awaitEnded(TIMEOUT)).isEqualTo("closed");
		assertThat(call.record().commandNames()).containsExactly("answer", "close");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

		@Bean
		IncomingCallErrorHandler toReception() {
			return (call, exception) -> call.connect();
		}

	}

	static class Handlers {

		@OnIncomingCall
		void frontDesk(ActiveCall call) {
			call.answer();
			call.disconnect();
		}

		@OnIncomingCall(condition = "calleeNumber == '" + SALES + "'", order = -1)
		void sales(ActiveCall call) {
			call.answer();
			for (byte[] chunk : call.audioStream()) {
				// Listen until the caller hangs up.
			}
		}

		@OnIncomingCall(condition = "calleeNumber == '" + MODEL_DOWN + "'", errorHandler = "toReception")
		void voiceAgent(ActiveCall call) {
			call.answer();
			throw new IllegalStateException("Speech model unavailable");
		}

		@OnIncomingCall(condition = "calleeNumber == '" + RELEASE_ON_FAILURE + "'", failureAction = "CLOSE")
		void releasing(ActiveCall call) {
			call.answer();
			throw new IllegalStateException("Speech model unavailable");
		}

	}

}
