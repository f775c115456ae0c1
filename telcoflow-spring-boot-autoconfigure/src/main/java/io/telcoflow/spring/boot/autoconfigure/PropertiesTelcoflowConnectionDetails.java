package io.telcoflow.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * Adapts {@link TelcoflowProperties} to {@link TelcoflowConnectionDetails}.
 */
class PropertiesTelcoflowConnectionDetails implements TelcoflowConnectionDetails {

	private final TelcoflowProperties properties;

	private final @Nullable SslBundles sslBundles;

	PropertiesTelcoflowConnectionDetails(TelcoflowProperties properties, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
	}

	@Override
	public String getUrl() {
		String url = this.properties.getUrl();
		if (!StringUtils.hasText(url)) {
			throw new InvalidTelcoflowPropertyException("telcoflow.url", url, "No Telcoflow server URL is configured.",
					"Set 'telcoflow.url' to the server's base URL, for example "
							+ "'telcoflow.url=wss://telcoflow.example.com'.");
		}
		return url;
	}

	@Override
	public @Nullable String getApiKey() {
		return this.properties.getApiKey();
	}

	@Override
	public @Nullable String getConnectorUuid() {
		return this.properties.getConnectorUuid();
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		String name = this.properties.getSsl().getBundle();
		if (!StringUtils.hasText(name)) {
			return null;
		}
		if (this.sslBundles == null) {
			throw unknownBundle(name, "No SSL bundles are configured.");
		}
		try {
			return this.sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw unknownBundle(name, "Known SSL bundles: " + this.sslBundles.getBundleNames() + ".");
		}
	}

	private InvalidTelcoflowPropertyException unknownBundle(String name, String known) {
		return new InvalidTelcoflowPropertyException("telcoflow.ssl.bundle", name,
				"No SSL bundle named '" + name + "' exists. " + known,
				"Define the bundle, for example 'spring.ssl.bundle.jks." + name + ".keystore.location' (or "
						+ "'spring.ssl.bundle.pem." + name + ".keystore.certificate' and '.private-key'), "
						+ "or set 'telcoflow.ssl.bundle' to the name of an existing bundle.");
	}

}
