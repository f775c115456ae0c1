package io.telcoflow.test.scenario;

import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.test.autoconfigure.AutoConfigureTelcoflowSimulator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link FrontDeskScenario} against an embedded simulator that requires a client certificate: the
 * application authenticates with the SSL bundle of the connection details alone.
 */
@SpringBootTest(classes = FrontDeskApplication.class)
@AutoConfigureTelcoflowSimulator(clientCertificate = true)
class EmbeddedMutualTlsFrontDeskTests extends FrontDeskScenario {

	@Autowired
	private TelcoflowSimulator simulator;

	@Override
	Simulator simulator() {
		return Simulator.of(this.simulator);
	}

}
