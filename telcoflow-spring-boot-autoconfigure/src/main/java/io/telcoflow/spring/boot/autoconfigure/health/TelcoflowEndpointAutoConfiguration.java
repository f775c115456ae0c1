package io.telcoflow.spring.boot.autoconfigure.health;

import java.time.Clock;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.spring.boot.actuate.CallTranscripts;
import io.telcoflow.spring.boot.actuate.TelcoflowEndpoint;
import io.telcoflow.spring.listener.IncomingCallDispatcher;
import io.telcoflow.spring.listener.TelcoflowLifecycle;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link TelcoflowEndpoint}, when the
 * {@code telcoflow} endpoint is available (for example
 * {@code management.endpoints.web.exposure.include=health,telcoflow}).
 */
@AutoConfiguration(afterName = "io.telcoflow.spring.boot.autoconfigure.TelcoflowAutoConfiguration")
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnSingleCandidate(TelcoflowClient.class)
public final class TelcoflowEndpointAutoConfiguration {

	// Nested so that the Actuator condition is only read once the Actuator is known to be there.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(TelcoflowEndpoint.class)
	static class TelcoflowEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TelcoflowEndpoint telcoflowEndpoint(TelcoflowClient client, ObjectProvider<TelcoflowLifecycle> lifecycle,
				ObjectProvider<IncomingCallDispatcher> dispatcher, ObjectProvider<CallTranscripts> transcripts) {
			return new TelcoflowEndpoint(client, Clock.systemUTC(), lifecycle.getIfUnique(), dispatcher.getIfUnique(),
					transcripts.getIfUnique());
		}

	}

}
