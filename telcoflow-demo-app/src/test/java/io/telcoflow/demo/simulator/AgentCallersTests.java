package io.telcoflow.demo.simulator;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.telcoflow.demo.DemoProperties;
import io.telcoflow.demo.simulator.AgentCallers.Scenario;
import io.telcoflow.simulator.CallScript;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentCallersTests {

	private final AgentCallers callers = new AgentCallers("Hello, this is reception.",
			new DemoProperties.Agent().getOpeningHours(), Duration.ofSeconds(8));

	@Test
	void theFiveScenariosRingInTurn() {
		List<CallScript> expected = List.of(Scenario.values()).stream().map(this.callers::script).toList();
		List<CallScript> placed = IntStream.range(0, 2 * expected.size()).mapToObj((i) -> this.callers.get()).toList();
		assertThat(this.callers.scripts()).isEqualTo(expected);
		assertThat(placed).isEqualTo(List.of(expected, expected).stream().flatMap(List::stream).toList());
	}

	@Test
	void everyCallerSpeaksAndHangsUpOnlyAfterTheirLastSentenceAndTheReplyToIt() {
		assertThat(this.callers.scripts()).allSatisfy((script) -> {
			assertThat(script.callerAudio()).isNotNull();
			Duration audio = Duration.ofMillis(script.callerAudio().render(24_000).length / 48);
			assertThat(script.hangUpAfter()).isNotNull().isGreaterThanOrEqualTo(audio);
		});
	}

	@Test
	void callersWhomTheAgentHangsUpOnWaitLongerThanTheirScript() {
		for (Scenario scenario : List.of(Scenario.BARGE_IN, Scenario.GOODBYE)) {
			CallScript script = this.callers.script(scenario);
			Duration speech = Duration.ofMillis(script.callerAudio().render(24_000).length / 48);
			assertThat(script.hangUpAfter().minus(speech).abs()).isLessThan(Duration.ofMillis(20));
			assertThat(trailingSilence(script.callerAudio().render(24_000))).isGreaterThanOrEqualTo(Duration.ofSeconds(15));
		}
	}

	@Test
	void theCallerWhoAsksForAPersonRingsSomeoneWhoNeverAnswers() {
		assertThat(this.callers.script(Scenario.TRANSFER).callee().toString()).containsIgnoringCase("never");
	}

	private static Duration trailingSilence(byte[] pcm) {
		int end = pcm.length;
		while (end >= 2 && pcm[end - 1] == 0 && pcm[end - 2] == 0) {
			end -= 2;
		}
		return Duration.ofMillis((pcm.length - end) / 48);
	}

}
