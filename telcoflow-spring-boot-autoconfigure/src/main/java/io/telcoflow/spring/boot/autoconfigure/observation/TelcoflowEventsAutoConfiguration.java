package io.telcoflow.spring.boot.autoconfigure.observation;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.spring.event.TelcoflowEventPublisher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that publishes what the
 * {@link TelcoflowClient} reports as {@link io.telcoflow.spring.event.TelcoflowEvent Spring
 * events}.
 */
@AutoConfiguration(afterName = "io.telcoflow.spring.boot.autoconfigure.TelcoflowAutoConfiguration")
@ConditionalOnSingleCandidate(TelcoflowClient.class)
public final class TelcoflowEventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TelcoflowEventPublisher telcoflowEventPublisher(ApplicationEventPublisher applicationEventPublisher,
			ObjectProvider<TelcoflowClient> client) {
		return new TelcoflowEventPublisher(applicationEventPublisher, client::getIfUnique);
	}

}
