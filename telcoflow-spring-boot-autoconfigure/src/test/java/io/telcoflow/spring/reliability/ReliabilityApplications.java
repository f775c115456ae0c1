package io.telcoflow.spring.reliability;

import java.time.Duration;

import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.test.SimulatorApplications;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts applications on the starter against a simulator, with short reconnect and health timings.
 */
final class ReliabilityApplications {

	static final Duration WAIT = Duration.ofSeconds(20);

	private ReliabilityApplications() {
	}

	static ConfigurableApplicationContext start(Class<?> application, TelcoflowSimulator simulator,
			String... properties) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties(SimulatorApplications.connectionProperties(simulator))
			.properties("telcoflow.reconnect.initial-delay=100ms", "telcoflow.reconnect.multiplier=1.0",
					"telcoflow.reconnect.max-delay=200ms", "management.health.telcoflow.disconnected-grace-period=100ms",
					"management.metrics.use-global-registry=false", "spring.main.banner-mode=off")
			.properties(properties);
		ConfigurableApplicationContext context = builder.run();
		simulator.awaitReadySessions(1, WAIT);
		return context;
	}

	/**
	 * A call whose caller talks until told to hang up.
	 * @return the script
	 */
	static CallScript talkingCaller() {
		return CallScript.builder().callerAudio(CallerAudio.tone(440, Duration.ofSeconds(60))).build();
	}

}
