package io.telcoflow.spring.boot.autoconfigure;

import io.telcoflow.client.TelcoflowClient;

/**
 * Callback interface for beans that customize the {@link TelcoflowClient.Builder} before the
 * auto-configured {@link TelcoflowClient} is built: for example its call executor or extra
 * listeners. Customizers run in order, after the auto-configuration has set the call executor and
 * added every {@link io.telcoflow.client.TelcoflowClientListener} bean, so they win.
 *
 * @see TelcoflowConfigCustomizer
 */
@FunctionalInterface
public interface TelcoflowClientCustomizer {

	/**
	 * Customizes the client builder.
	 * @param builder the builder
	 */
	void customize(TelcoflowClient.Builder builder);

}
