package io.telcoflow.spring.boot.autoconfigure;

import java.time.Duration;

import io.telcoflow.client.IncomingCallHandler;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.spring.event.CallHandlerSelectedListener;
import io.telcoflow.spring.listener.IncomingCallDispatcher;
import io.telcoflow.spring.listener.IncomingCallEndpointRegistry;
import io.telcoflow.spring.listener.OnIncomingCallMethodProcessor;
import io.telcoflow.spring.listener.TelcoflowLifecycle;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the Telcoflow client: a
 * {@link TelcoflowClient} built from the {@code telcoflow.*} properties, dispatch of incoming calls
 * to {@link io.telcoflow.spring.annotation.OnIncomingCall @OnIncomingCall} methods, and a
 * {@link TelcoflowLifecycle} that connects on start and drains calls on shutdown.
 * <p>
 * Every {@link TelcoflowClientListener} bean is added to every {@link TelcoflowClient} bean, also one
 * the application defines, before it connects. Each call's
 * handler runs on its own thread: a virtual thread when {@code spring.threads.virtual.enabled} is
 * set on Java 21+, otherwise a pool of {@code telcoflow.max-concurrent-calls} platform threads.
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnClass(TelcoflowClient.class)
@ConditionalOnBooleanProperty(name = "telcoflow.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TelcoflowProperties.class)
public final class TelcoflowAutoConfiguration {

	private static final String PHASE_TIMEOUT_PROPERTY = "spring.lifecycle.timeout-per-shutdown-phase";

	private static final Duration DEFAULT_PHASE_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	static TelcoflowClientListenersPostProcessor telcoflowClientListenersPostProcessor(
			ObjectProvider<TelcoflowClientListener> listeners) {
		return new TelcoflowClientListenersPostProcessor(listeners);
	}

	@Bean
	@ConditionalOnMissingBean(TelcoflowConnectionDetails.class)
	PropertiesTelcoflowConnectionDetails telcoflowConnectionDetails(TelcoflowProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		return new PropertiesTelcoflowConnectionDetails(properties, sslBundles.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(TelcoflowClient.class)
	static class TelcoflowClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TelcoflowConfig telcoflowConfig(TelcoflowProperties properties, TelcoflowConnectionDetails connectionDetails,
				ObjectProvider<TelcoflowConfigCustomizer> customizers, Environment environment,
				ObjectProvider<SslBundles> sslBundles) {
			return new TelcoflowConfigFactory(properties, connectionDetails, environment, sslBundles.getIfAvailable())
				.create(customizers.orderedStream().toList());
		}

		@Bean
		TelcoflowReadyLogger telcoflowReadyLogger(TelcoflowConfig config) {
			return new TelcoflowReadyLogger(config);
		}

		@Bean
		TelcoflowCallExecutor telcoflowCallExecutor(TelcoflowConfig config, Environment environment) {
			return Threading.VIRTUAL.isActive(environment) ? TelcoflowCallExecutor.virtualThreads()
					: TelcoflowCallExecutor.platformThreads(config.getMaxCalls());
		}

		@Bean
		TelcoflowClient telcoflowClient(TelcoflowConfig config, TelcoflowCallExecutor callExecutor,
				ObjectProvider<TelcoflowClientCustomizer> customizers) {
			// Listener beans are added by TelcoflowClientListenersPostProcessor, as to any client bean
			TelcoflowClient.Builder builder = TelcoflowClient.builder(config).callExecutor(callExecutor.getExecutor());
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class IncomingCallConfiguration {

		@Bean
		@ConditionalOnMissingBean
		static OnIncomingCallMethodProcessor onIncomingCallMethodProcessor() {
			return new OnIncomingCallMethodProcessor();
		}

		@Bean
		@ConditionalOnMissingBean
		IncomingCallEndpointRegistry incomingCallEndpointRegistry(BeanFactory beanFactory) {
			return new IncomingCallEndpointRegistry(new BeanFactoryResolver(beanFactory));
		}

		@Bean
		@ConditionalOnMissingBean(IncomingCallHandler.class)
		IncomingCallDispatcher incomingCallDispatcher(IncomingCallEndpointRegistry registry,
				TelcoflowProperties properties, ObjectProvider<CallHandlerSelectedListener> selectionListeners) {
			return new IncomingCallDispatcher(registry, properties.getHandler().getUnmatchedCall(),
					selectionListeners.orderedStream().toList());
		}

		@Bean
		@ConditionalOnMissingBean
		TelcoflowLifecycle telcoflowLifecycle(TelcoflowClient client, IncomingCallHandler handler,
				TelcoflowProperties properties, Environment environment) {
			Duration phaseTimeout = Binder.get(environment)
				.bind(PHASE_TIMEOUT_PROPERTY, Duration.class)
				.orElse(DEFAULT_PHASE_TIMEOUT);
			ShutdownTimeouts timeouts = ShutdownTimeouts.fit(properties.getShutdown().getDrainTimeout(), phaseTimeout);
			TelcoflowLifecycle lifecycle = new TelcoflowLifecycle(client, handler);
			lifecycle.setDrainTimeout(timeouts.drainTimeout());
			lifecycle.setEndTimeout(timeouts.endTimeout());
			lifecycle.setShutdownAction(properties.getShutdown().getAction());
			return lifecycle;
		}

	}

}
