package io.telcoflow.test.scenario;

import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.test.autoconfigure.AutoConfigureTelcoflowSimulator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link FrontDeskScenario} against the embedded simulator of
 * {@link AutoConfigureTelcoflowSimulator @AutoConfigureTelcoflowSimulator}.
 */
@SpringBootTest(classes = FrontDeskApplication.class)
@AutoConfigureTelcoflowSimulator
class EmbeddedFrontDeskTests extends FrontDeskScenario {

	@Autowired
	private TelcoflowSimulator simulator;

	@Override
	Simulator simulator() {
		return Simulator.of(this.simulator);
	}

}
