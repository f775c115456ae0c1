package io.telcoflow.spring.boot.autoconfigure;

import io.telcoflow.client.TelcoflowClient;

/**
 * Callback interface for beans that customize the {@link TelcoflowClient.Builder} before the
 * auto-configured {@link TelcoflowClient} is built: for example its call executor or extra
 * listeners. Customizers run in order, after the auto-configuration has set the call executor, so
 * they win. {@link io.telcoflow.client.TelcoflowClientListener} beans need no customizer: they are
 * added to every client bean once it is built.
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
