package io.telcoflow.spring.boot.autoconfigure;

import io.telcoflow.client.TelcoflowConfig;

/**
 * Callback interface for beans that customize the {@link TelcoflowConfig.Builder} after the
 * {@code telcoflow.*} properties and {@link TelcoflowConnectionDetails} have been applied and before
 * the configuration is validated and built: for example mTLS key material from files
 * ({@link TelcoflowConfig.Builder#clientCertificate}) instead of an SSL bundle. Customizers run in
 * order.
 *
 * @see TelcoflowClientCustomizer
 */
@FunctionalInterface
public interface TelcoflowConfigCustomizer {

	/**
	 * Customizes the configuration builder.
	 * @param builder the builder
	 */
	void customize(TelcoflowConfig.Builder builder);

}
