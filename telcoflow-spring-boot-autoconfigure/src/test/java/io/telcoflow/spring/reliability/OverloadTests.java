package io.telcoflow.spring.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static io.telcoflow.spring.reliability.ReliabilityApplications.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 calls at once for an application that takes 50: exactly 50 are handled at a time, never
 * more, and every call is handled in the end (none lost, none offered twice).
 */
class OverloadTests {

	private static final int CAPACITY = 50;

	private static final int CALLS = 200;

	private static final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void callsBeyondCapacityWaitForAFreeSlotAndNoneIsLost() {
		try (ConfigurableApplicationContext context = ReliabilityApplications.start(TestApplication.class, simulator,
				"telcoflow.max-concurrent-calls=" + CAPACITY)) {
			List<SimulatedCall> calls = IntStream.range(0, CALLS)
				.mapToObj((i) -> simulator.placeCall(
						CallScript.builder().callerAudio(CallerAudio.silence(Duration.ofMillis(100))).build()))
				.toList();
			for (SimulatedCall call : calls) {
				assertThat(call.awaitEnded(WAIT.multipliedBy(2))).as(call.callId()).isEqualTo("disconnected");
			}
			Busy busy = context.getBean(Busy.class);
			assertThat(busy.mostAtOnce).hasValue(CAPACITY);
			assertThat(busy.runs).hasSize(CALLS).allSatisfy((id, runs) -> assertThat(runs).hasValue(1));
			assertThat(busy.runs.keySet()).isEqualTo(Set.copyOf(calls.stream().map(SimulatedCall::callId).toList()));
			assertThat(calls).allSatisfy((call) -> assertThat(call.record().offeredTo()).hasSize(1));
			assertThat(simulator.sessions()).singleElement()
				.satisfies((session) -> assertThat(session.maxCalls()).isEqualTo(CAPACITY));
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Busy.class)
	static class TestApplication {

	}

	static class Busy {

		private static final byte[] HALF_A_SECOND = new byte[24_000];

		final AtomicInteger atOnce = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

		@OnIncomingCall
		void talk(ActiveCall call) {
			this.runs.computeIfAbsent(call.getCallId(), (id) -> new AtomicInteger()).incrementAndGet();
			int now = this.atOnce.incrementAndGet();
			this.mostAtOnce.accumulateAndGet(now, Math::max);
			try {
				call.answer();
				call.sendAudio(HALF_A_SECOND);
				call.awaitPlayback(WAIT);
			}
			finally {
				// counted while the call is certainly live: the server offers the next one only after it ended
				this.atOnce.decrementAndGet();
			}
			call.disconnect();
		}

	}

}
