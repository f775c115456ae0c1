package io.telcoflow.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatedSession;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.test.SimulatorApplications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests the graceful shutdown of a Spring Boot application with live calls, against the
 * simulator: no new call is offered, live calls drain, and calls still live after the drain timeout
 * are ended per {@code telcoflow.shutdown.action}, their audio buffers closed.
 */
class TelcoflowGracefulShutdownTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void shutdownStopsOffersAndWaitsForLiveCallsToEnd() throws Exception {
		ConfigurableApplicationContext context = start("telcoflow.shutdown.drain-timeout=10s");
		SimulatedSession session = simulator.awaitReadySessions(1, TIMEOUT).get(0);
		SimulatedCall live = simulator.placeCall(CallScript.defaults());
		live.awaitState("ANSWERED", TIMEOUT);
		CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
		await().atMost(TIMEOUT).until(session::isPaused);
		SimulatedCall late = simulator.placeCall(CallScript.defaults());
		assertThat(closing).isNotDone();
		live.hangUp();
		closing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(live.endReason()).isEqualTo("caller_hangup");
		assertThat(late.record().offeredTo()).isEmpty();
		late.hangUp();
	}

	@Test
	void callsStillLiveAfterTheDrainTimeoutAreClosedAndTheirBuffersClosed() {
		ConfigurableApplicationContext context = start("telcoflow.shutdown.drain-timeout=200ms");
		simulator.awaitReadySessions(1, TIMEOUT);
		SimulatedCall live = simulator.placeCall(CallScript.defaults());
		live.awaitState("ANSWERED", TIMEOUT);
		context.close();
		assertThat(live.awaitEnded(TIMEOUT)).isEqualTo("closed");
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(Listener.writeFailures).containsEntry(live.callId(), "BufferClosedException"));
	}

	@Test
	void callsStillLiveAfterTheDrainTimeoutAreDisconnectedWhenConfigured() {
		ConfigurableApplicationContext context = start("telcoflow.shutdown.drain-timeout=200ms",
				"telcoflow.shutdown.action=disconnect");
		simulator.awaitReadySessions(1, TIMEOUT);
		SimulatedCall live = simulator.placeCall(CallScript.defaults());
		live.awaitState("ANSWERED", TIMEOUT);
		context.close();
		assertThat(live.awaitEnded(TIMEOUT)).isEqualTo("disconnected");
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties(SimulatorApplications.connectionProperties(simulator))
			.properties(properties)
			.run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Listener.class)
	static class TestApplication {

	}

	static class Listener {

		/** What writing audio after the call ended threw, by call id. */
		static final Map<String, String> writeFailures = new ConcurrentHashMap<>();

		@OnIncomingCall
		void listenUntilTheCallEnds(ActiveCall call) {
			call.answer();
			for (byte[] chunk : call.audioStream()) {
				// Listen until the call ends.
			}
			try {
				call.sendAudio(new byte[960]);
				writeFailures.put(call.getCallId(), "none");
			}
			catch (RuntimeException ex) {
				writeFailures.put(call.getCallId(), ex.getClass().getSimpleName());
			}
		}

	}

}
