package io.telcoflow.spring.boot.autoconfigure;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowClientListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Adds every {@link TelcoflowClientListener} bean (meters, events, observation, health, the
 * application's own) to every {@link TelcoflowClient} bean, the auto-configured one and those an
 * application defines, as Spring Boot binds meters to the clients it finds. The listeners are
 * looked up when a client is initialized, before anything connects it.
 */
final class TelcoflowClientListenersPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<TelcoflowClientListener> listeners;

	TelcoflowClientListenersPostProcessor(ObjectProvider<TelcoflowClientListener> listeners) {
		this.listeners = listeners;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof TelcoflowClient client) {
			this.listeners.orderedStream().forEach(client::addListener);
		}
		return bean;
	}

}
