package io.telcoflow.demo.simulator;

import java.util.List;
import java.util.stream.IntStream;

import io.telcoflow.demo.DemoProperties;
import io.telcoflow.demo.receptionist.Prompts;
import io.telcoflow.simulator.CallScript;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptedCallersTests {

	private final ScriptedCallers callers = new ScriptedCallers(Prompts.load(), new DemoProperties.Receptionist());

	@Test
	void callersRingInTurn() {
		List<CallScript> scripts = this.callers.scripts();
		List<CallScript> placed = IntStream.range(0, 2 * scripts.size()).mapToObj((i) -> this.callers.get()).toList();
		assertThat(placed.subList(0, scripts.size())).isEqualTo(scripts);
		assertThat(placed.subList(scripts.size(), placed.size())).isEqualTo(scripts);
	}

	@Test
	void everyCallerHangsUpInTheEnd() {
		assertThat(this.callers.scripts()).allSatisfy((script) -> assertThat(script.hangUpAfter()).isNotNull());
	}

	@Test
	void someCallersAskForAHumanWhoSometimesAnswers() {
		List<CallScript> askForHuman = this.callers.scripts()
			.stream()
			.filter((script) -> script.dtmf().stream().anyMatch((dtmf) -> dtmf.digit() == '0'))
			.toList();
		assertThat(askForHuman).extracting((script) -> script.callee().toString())
			.anySatisfy((callee) -> assertThat(callee).containsIgnoringCase("never"))
			.anySatisfy((callee) -> assertThat(callee).doesNotContainIgnoringCase("never"));
	}

	@Test
	void speakingCallersUseThePhrasesShippedWithTheDemo() {
		assertThat(this.callers.scripts()).filteredOn((script) -> script.callerAudio() != null)
			.allSatisfy((script) -> assertThat(script.callerAudio().render(24000)).isNotEmpty());
	}

}
