package io.telcoflow.demo.simulator;

import io.telcoflow.demo.DemoProperties;
import io.telcoflow.demo.receptionist.Prompts;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;
import io.telcoflow.spring.boot.autoconfigure.voiceagent.VoiceAgentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo's embedded mode, when {@code telcoflow.url} is not set: starts an in-process simulator
 * on a loopback port before the starter's client is created, and gives the starter its
 * {@link TelcoflowConnectionDetails} (which take precedence over the {@code telcoflow.*}
 * properties). With {@code demo.simulator.auto-calls} (the default) scripted callers ring every
 * {@code demo.simulator.call-interval}: the AI receptionist's ({@link AgentCallers}), or in the
 * {@code scripted} profile the scripted receptionist's ({@link ScriptedCallers}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnNoTelcoflowUrl
public class EmbeddedSimulatorConfiguration {

	private static final Logger logger = LoggerFactory.getLogger("io.telcoflow.demo.simulator.EmbeddedSimulator");

	/** Ended calls the simulator remembers: a demo left running all day must not grow. */
	private static final int RETAINED_ENDED_CALLS = 20;

	@Bean(destroyMethod = "close")
	TelcoflowSimulator telcoflowSimulator(DemoProperties properties) {
		DemoProperties.Simulator settings = properties.getSimulator();
		TelcoflowSimulator simulator = TelcoflowSimulator.builder()
			.port(settings.getPort())
			.recordAgentAudio(settings.isRecordAgentAudio())
			.retainEndedCalls(RETAINED_ENDED_CALLS)
			.build();
		simulator.start();
		logger.info("No telcoflow.url set: started the embedded Telcoflow simulator at {}", simulator.url());
		return simulator;
	}

	@Bean
	TelcoflowConnectionDetails simulatorConnectionDetails(TelcoflowSimulator simulator) {
		return new SimulatorConnectionDetails(simulator);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "demo.simulator.auto-calls", matchIfMissing = true)
	@Profile("!scripted")
	SimulatedCallers agentCallers(TelcoflowSimulator simulator, DemoProperties properties,
			ObjectProvider<VoiceAgentProperties> voiceAgent) {
		VoiceAgentProperties agent = voiceAgent.getIfAvailable(VoiceAgentProperties::new);
		AgentCallers callers = new AgentCallers(agent.getGreeting(), properties.getAgent().getOpeningHours(),
				agent.getTransferRingTime());
		return new SimulatedCallers(simulator, properties.getSimulator().getCallInterval(), callers);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "demo.simulator.auto-calls", matchIfMissing = true)
	@Profile("scripted")
	SimulatedCallers scriptedCallers(TelcoflowSimulator simulator, DemoProperties properties) {
		ScriptedCallers callers = new ScriptedCallers(Prompts.load(), properties.getReceptionist());
		return new SimulatedCallers(simulator, properties.getSimulator().getCallInterval(), callers);
	}

}
