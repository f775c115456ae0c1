package io.telcoflow.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.listener.IncomingCall;
import io.telcoflow.spring.test.SimulatorApplications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of {@link TelcoflowAutoConfiguration} against the simulator: handlers take
 * real calls, routed by condition, on their own threads, and a failing handler ends only its call.
 */
@SpringBootTest(classes = TelcoflowEndToEndTests.TestApplication.class,
		properties = "telcoflow.max-concurrent-calls=4")
class TelcoflowEndToEndTests {

	static final String SALES = "+441632960100";

	static final String BROKEN = "+441632960666";

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
	private Handlers handlers;

	@Autowired
	private FailureListener failures;

	@BeforeEach
	void awaitReady() {
		simulator.awaitReadySessions(1, TIMEOUT);
	}

	@Test
	void handlerTakesACallEndToEndOnACallThread() {
		SimulatedCall call = simulator.placeCall(CallScript.builder()
			.callerAudio(CallerAudio.silence(Duration.ofMillis(200)))
			.build());
		assertThat(call.awaitEnded(TIMEOUT)).isEqualTo("disconnected");
		assertThat(call.record().commandNames()).containsSubsequence("answer", "disconnect");
		// awaitPlayback returns once the last frame went to the writer: disconnect cannot overtake it
		assertThat(call.record().agentAudio()).isEqualTo(Handlers.GREETING);
		assertThat(this.handlers.threads.get(call.callId())).startsWith("telcoflow-call-");
		assertThat(this.handlers.routes.get(call.callId())).isEqualTo("frontDesk");
		assertThat(this.handlers.metadata.get(call.callId())).satisfies((incoming) -> {
			assertThat(incoming.callerNumber()).isEqualTo(CallScript.DEFAULT_CALLER_NUMBER);
			assertThat(incoming.calleeNumber()).isEqualTo(CallScript.DEFAULT_CALLEE_NUMBER);
		});
	}

	@Test
	void maxConcurrentCallsIsAnnouncedToTheServer() {
		assertThat(simulator.sessions()).singleElement().satisfies((session) -> {
			assertThat(session.maxCalls()).isEqualTo(4);
			assertThat(session.sampleRate()).isEqualTo(24000);
		});
	}

	@Test
	void callIsRoutedByCondition() {
		SimulatedCall sales = simulator
			.placeCall(CallScript.builder().calleeNumber(SALES).hangUpAfter(Duration.ofMillis(100)).build());
		SimulatedCall other = simulator.placeCall(CallScript.builder().calleeNumber("+441632960200").build());
		sales.awaitEnded(TIMEOUT);
		other.awaitEnded(TIMEOUT);
		assertThat(this.handlers.routes.get(sales.callId())).isEqualTo("sales");
		assertThat(this.handlers.routes.get(other.callId())).isEqualTo("frontDesk");
	}

	@Test
	void throwingHandlerEndsOnlyItsOwnCallAndIsReportedOnce() {
		SimulatedCall healthy = simulator.placeCall(CallScript.builder().calleeNumber(SALES).build());
		healthy.awaitState("ANSWERED", TIMEOUT);
		SimulatedCall broken = simulator.placeCall(CallScript.builder().calleeNumber(BROKEN).build());
		assertThat(broken.awaitEnded(TIMEOUT)).isEqualTo("disconnected");
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(this.failures.failedCalls).contains(broken.callId()));
		assertThat(this.failures.failedCalls).containsOnlyOnce(broken.callId()).doesNotContain(healthy.callId());
		assertThat(healthy.state()).isEqualTo("ANSWERED");
		healthy.hangUp();
		assertThat(healthy.awaitEnded(TIMEOUT)).isEqualTo("caller_hangup");
		assertThat(this.failures.failedCalls).doesNotContain(healthy.callId());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Handlers.class, FailureListener.class })
	static class TestApplication {

	}

	static class Handlers {

		static final byte[] GREETING = new byte[9600];

		final Map<String, String> routes = new ConcurrentHashMap<>();

		final Map<String, String> threads = new ConcurrentHashMap<>();

		final Map<String, IncomingCall> metadata = new ConcurrentHashMap<>();

		@OnIncomingCall
		void frontDesk(ActiveCall call, IncomingCall incoming) {
			record("frontDesk", incoming);
			call.answer();
			call.sendAudio(GREETING);
			call.awaitPlayback(TIMEOUT);
			call.disconnect();
		}

		@OnIncomingCall(condition = "calleeNumber == '" + SALES + "'", order = -1)
		void sales(ActiveCall call, IncomingCall incoming) {
			record("sales", incoming);
			call.answer();
			for (byte[] chunk : call.audioStream()) {
				// Listen until the caller hangs up.
			}
		}

		@OnIncomingCall(condition = "calleeNumber == '" + BROKEN + "'")
		void broken(ActiveCall call, IncomingCall incoming) {
			record("broken", incoming);
			call.answer();
			throw new IllegalStateException("Speech model unavailable");
		}

		private void record(String route, IncomingCall incoming) {
			this.routes.put(incoming.callId(), route);
			this.threads.put(incoming.callId(), Thread.currentThread().getName());
			this.metadata.put(incoming.callId(), incoming);
		}

	}

	static class FailureListener implements TelcoflowClientListener {

		final List<String> failedCalls = new CopyOnWriteArrayList<>();

		@Override
		public void onHandlerFailed(ActiveCall call, Throwable failure) {
			this.failedCalls.add(call.getCallId());
		}

	}

}
