package io.telcoflow.test.event;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration imported by {@link AutoConfigureTelcoflowEvents @AutoConfigureTelcoflowEvents}:
 * a {@link TelcoflowEventRecorder}.
 */
@AutoConfiguration
public final class TelcoflowEventRecorderAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TelcoflowEventRecorder telcoflowEventRecorder() {
		return new TelcoflowEventRecorder();
	}

}
