package io.telcoflow.test.scenario;

import io.telcoflow.test.container.EnabledIfSimulatorImage;
import io.telcoflow.test.container.TelcoflowSimulatorContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * {@link FrontDeskScenario} against the containerised simulator, connected through
 * {@link ServiceConnection @ServiceConnection}.
 */
@EnabledIfSimulatorImage
@Testcontainers
@SpringBootTest(classes = FrontDeskApplication.class)
class ContainerFrontDeskIntegrationTests extends FrontDeskScenario {

	@Container
	@ServiceConnection
	static final TelcoflowSimulatorContainer telcoflow = new TelcoflowSimulatorContainer();

	@Override
	Simulator simulator() {
		return Simulator.of(telcoflow);
	}

}
