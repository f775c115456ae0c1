package io.telcoflow.demo;

import java.time.Duration;

import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code telcoflow.url} set, the demo takes the calls of that server (here a simulator that
 * stands for it, outside the application) and places none of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "demo.recordings-dir=target/test-recordings", "demo.simulator.call-interval=1s" })
class RealServerModeTests {

	private static final TelcoflowSimulator server = TelcoflowSimulator.builder().build().start();

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		registry.add("telcoflow.url", server::url);
		registry.add("telcoflow.api-key", server::apiKey);
		registry.add("telcoflow.connector-uuid", server::connectorUuid);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void receptionistTakesTheServersCallsAndNoSimulatorIsStarted() {
		assertThat(this.context.getBeanNamesForType(TelcoflowSimulator.class)).isEmpty();
		server.awaitReadySessions(1, Duration.ofSeconds(10));
		SimulatedCall call = server.placeCall(CallScript.builder().hangUpAfter(Duration.ofSeconds(2)).build());
		call.awaitEnded(Duration.ofSeconds(10));
		assertThat(call.record().commandNames()).startsWith("answer");
		assertThat(server.calls()).containsExactly(call);
	}

}
