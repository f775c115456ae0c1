package io.telcoflow.spring.boot.autoconfigure;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.net.ssl.SSLContext;

import io.telcoflow.client.ReconnectBackoff;
import io.telcoflow.client.TelcoflowConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.StringUtils;

/**
 * Creates the {@link TelcoflowConfig} from {@link TelcoflowProperties} and
 * {@link TelcoflowConnectionDetails}, validating each value first so that a mistake fails with an
 * {@link InvalidTelcoflowPropertyException} naming the property and saying what to set.
 */
final class TelcoflowConfigFactory {

	private static final String EXAMPLE_URL = "wss://telcoflow.example.com";

	private static final String EXAMPLE_UUID = "0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d70";

	private static final String CHOOSE_AUTHENTICATION = "Set 'telcoflow.api-key' and 'telcoflow.connector-uuid' "
			+ "(API-key authentication), or set 'telcoflow.ssl.bundle' to an SSL bundle (spring.ssl.bundle.*) holding "
			+ "the mTLS client certificate and key (certificate authentication).";

	private final TelcoflowProperties properties;

	private final TelcoflowConnectionDetails connectionDetails;

	private final Environment environment;

	private final @Nullable SslBundles sslBundles;

	TelcoflowConfigFactory(TelcoflowProperties properties, TelcoflowConnectionDetails connectionDetails,
			Environment environment, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.environment = environment;
		this.sslBundles = sslBundles;
	}

	TelcoflowConfig create(List<TelcoflowConfigCustomizer> customizers) {
		TelcoflowConfig.Builder builder = TelcoflowConfig.builder();
		builder.url(validateUrl(this.connectionDetails.getUrl()));
		applyAuthentication(builder, !customizers.isEmpty());
		TelcoflowProperties.Audio audio = this.properties.getAudio();
		builder.sampleRate(validateSampleRate(audio.getSampleRate()));
		builder.outgoingBufferSize(validateBufferSize(audio.getOutgoingBufferSize().toBytes(), audio.getSampleRate()));
		require(audio.getInboundQueueFrames() >= 1, "telcoflow.audio.inbound-queue-frames",
				audio.getInboundQueueFrames(), "at least 1, for example 500 (10 s of audio)");
		builder.inboundQueueFrames(audio.getInboundQueueFrames());
		builder.commandTimeout(positive("telcoflow.command-timeout", this.properties.getCommandTimeout()));
		builder.connectTimeout(positive("telcoflow.connect-timeout", this.properties.getConnectTimeout()));
		builder.reconnectBackoff(reconnectBackoff(this.properties.getReconnect()));
		require(this.properties.getMaxConcurrentCalls() >= 0, "telcoflow.max-concurrent-calls",
				this.properties.getMaxConcurrentCalls(), "0 (no limit) or a positive number");
		builder.maxCalls(this.properties.getMaxConcurrentCalls());
		builder.allowInsecureTransport(this.properties.isAllowInsecureTransport());
		builder.handlerFailureAction(this.properties.getHandler().getFailureAction());
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	private String validateUrl(@Nullable String url) {
		if (!StringUtils.hasText(url)) {
			throw new InvalidTelcoflowPropertyException("telcoflow.url", url,
					"No Telcoflow server URL is configured" + origin() + ".",
					"Set 'telcoflow.url' to the server's base URL, for example 'telcoflow.url=" + EXAMPLE_URL + "'.");
		}
		URI uri = parseUri(url);
		String scheme = (uri != null && uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri == null || uri.getHost() == null || !(scheme.equals("ws") || scheme.equals("wss"))) {
			throw new InvalidTelcoflowPropertyException("telcoflow.url", url,
					"'" + url + "' is not a Telcoflow server URL" + origin()
							+ ": it must start with wss:// (or ws:// for loopback) and name a host.",
					"Set 'telcoflow.url' to the server's base URL, for example 'telcoflow.url=" + EXAMPLE_URL + "'.");
		}
		if (scheme.equals("ws") && !this.properties.isAllowInsecureTransport() && !isLoopback(uri.getHost())) {
			throw new InvalidTelcoflowPropertyException("telcoflow.url", url,
					"Plain ws:// to the host '" + uri.getHost() + "', which is not loopback, would send the "
							+ "credentials and the audio unencrypted" + origin() + ".",
					"Use 'wss://" + uri.getRawAuthority() + "' in 'telcoflow.url', or, only on a trusted network, set "
							+ "'telcoflow.allow-insecure-transport=true'.");
		}
		return url;
	}

	private static @Nullable URI parseUri(String url) {
		try {
			return new URI(url);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	static boolean isLoopback(String host) {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (bare.equalsIgnoreCase("localhost")) {
			return true;
		}
		// Only literal addresses are checked: a host name is never resolved here.
		if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
			return false;
		}
		try {
			return InetAddress.getByName(bare).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private void applyAuthentication(TelcoflowConfig.Builder builder, boolean customized) {
		String apiKey = this.connectionDetails.getApiKey();
		SslBundle sslBundle = this.connectionDetails.getSslBundle();
		String bundleName = (this.properties.getSsl().getBundle() != null) ? this.properties.getSsl().getBundle()
				: "(from the connection details)";
		boolean clientKey = sslBundle != null && sslBundle.getStores().getKeyStore() != null;
		if (StringUtils.hasText(apiKey)) {
			if (clientKey) {
				throw bothApiKeyAndClientKey(bundleName);
			}
			builder.apiKey(apiKey, validateConnectorUuid(this.connectionDetails.getConnectorUuid()));
		}
		else if (!clientKey && !customized) {
			String description = (sslBundle != null)
					? "The SSL bundle '" + bundleName + "' holds no client key, and no API key is configured" + origin()
							+ "."
					: "No Telcoflow authentication is configured" + origin()
							+ ": neither an API key nor an SSL bundle with a client key.";
			throw new InvalidTelcoflowPropertyException((sslBundle != null) ? "telcoflow.ssl.bundle" : "telcoflow.api-key",
					(sslBundle != null) ? bundleName : null, description, CHOOSE_AUTHENTICATION);
		}
		if (sslBundle != null) {
			builder.sslContext(sslContext(sslBundle));
		}
	}

	// A bundle named in the properties follows Spring Boot's reloads (reload-on-update); one that
	// other connection details supply is used as it is
	private SSLContext sslContext(SslBundle sslBundle) {
		String name = this.properties.getSsl().getBundle();
		if (this.sslBundles != null && StringUtils.hasText(name)
				&& this.connectionDetails instanceof PropertiesTelcoflowConnectionDetails) {
			return ReloadingSslContext.create(this.sslBundles, name, sslBundle);
		}
		return sslBundle.createSslContext();
	}

	private InvalidTelcoflowPropertyException bothApiKeyAndClientKey(String bundleName) {
		String keyVariable = environmentVariable("telcoflow.api-key");
		String removeApiKey;
		String keyOrigin;
		if (keyVariable != null) {
			String uuidVariable = environmentVariable("telcoflow.connector-uuid");
			keyOrigin = ", set by the environment variable " + keyVariable;
			removeApiKey = "Unset the environment variable " + keyVariable
					+ ((uuidVariable != null) ? " (and " + uuidVariable + ")" : "")
					+ " (Spring Boot binds it to 'telcoflow.api-key' even when no file mentions it)";
		}
		else {
			Origin origin = originOf("telcoflow.api-key");
			keyOrigin = (origin != null) ? ", from " + origin : "";
			removeApiKey = "Remove 'telcoflow.api-key' and 'telcoflow.connector-uuid'";
		}
		return new InvalidTelcoflowPropertyException("telcoflow.api-key", "******",
				"Both an API key ('telcoflow.api-key'" + keyOrigin
						+ ") and an SSL bundle with a client key ('telcoflow.ssl.bundle=" + bundleName
						+ "') are configured" + origin() + "; Telcoflow authenticates with exactly one of them.",
				removeApiKey + " to authenticate with the client certificate (mTLS), or remove 'telcoflow.ssl.bundle' "
						+ "(or use a bundle without a key, which then only sets the trusted certificates) to "
						+ "authenticate with the API key.");
	}

	// Where a property's value comes from, when the properties (not other connection details) gave it
	private @Nullable Origin originOf(String property) {
		if (!(this.connectionDetails instanceof PropertiesTelcoflowConnectionDetails)) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty value = source.getConfigurationProperty(name);
			if (value != null) {
				return value.getOrigin();
			}
		}
		return null;
	}

	private @Nullable String environmentVariable(String property) {
		Origin origin = originOf(property);
		while (origin != null) {
			if (origin instanceof SystemEnvironmentOrigin variable) {
				return variable.getProperty();
			}
			if (origin instanceof PropertySourceOrigin source
					&& source.getPropertySource() instanceof SystemEnvironmentPropertySource) {
				return source.getPropertyName();
			}
			origin = origin.getParent();
		}
		return null;
	}

	private String validateConnectorUuid(@Nullable String connectorUuid) {
		if (!StringUtils.hasText(connectorUuid)) {
			throw new InvalidTelcoflowPropertyException("telcoflow.connector-uuid", connectorUuid,
					"An API key is configured without the connector UUID that goes with it" + origin() + ".",
					"Set 'telcoflow.connector-uuid' to the UUID of the connector the API key belongs to, for example "
							+ "'telcoflow.connector-uuid=" + EXAMPLE_UUID + "'.");
		}
		try {
			UUID.fromString(connectorUuid);
			if (connectorUuid.length() != 36) {
				throw new IllegalArgumentException("not in canonical form");
			}
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTelcoflowPropertyException("telcoflow.connector-uuid", connectorUuid,
					"'" + connectorUuid + "' is not a UUID" + origin() + ".",
					"Set 'telcoflow.connector-uuid' to the connector's UUID: 32 hexadecimal digits in five groups "
							+ "separated by hyphens (8-4-4-4-12), for example '" + EXAMPLE_UUID + "'.");
		}
		return connectorUuid;
	}

	private static int validateSampleRate(int sampleRate) {
		if (!TelcoflowConfig.SUPPORTED_SAMPLE_RATES.contains(sampleRate)) {
			throw new InvalidTelcoflowPropertyException("telcoflow.audio.sample-rate", String.valueOf(sampleRate),
					"A sample rate of " + sampleRate + " Hz is not supported.",
					"Set 'telcoflow.audio.sample-rate' to one of " + supportedSampleRates()
							+ " (24000 is supported by every server and is the native rate of common realtime AI "
							+ "models), or remove it to use 24000.");
		}
		return sampleRate;
	}

	private static String supportedSampleRates() {
		return TelcoflowConfig.SUPPORTED_SAMPLE_RATES.stream().sorted().map(String::valueOf).toList().toString();
	}

	private static int validateBufferSize(long bytes, int sampleRate) {
		// At least two 20 ms frames, so that one can be pulled while the next is written.
		long minimum = 2L * (sampleRate / 50) * 2;
		require(bytes >= minimum && bytes <= Integer.MAX_VALUE, "telcoflow.audio.outgoing-buffer-size", bytes + "B",
				"a size between " + minimum + "B (two 20 ms frames at " + sampleRate + " Hz) and 2GB, for example 1MB");
		return (int) bytes;
	}

	private static ReconnectBackoff reconnectBackoff(TelcoflowProperties.Reconnect reconnect) {
		Duration initial = positive("telcoflow.reconnect.initial-delay", reconnect.getInitialDelay());
		require(reconnect.getMultiplier() >= 1.0, "telcoflow.reconnect.multiplier", reconnect.getMultiplier(),
				"at least 1, for example 2");
		require(reconnect.getMaxDelay().compareTo(initial) >= 0, "telcoflow.reconnect.max-delay",
				reconnect.getMaxDelay(), "at least telcoflow.reconnect.initial-delay (" + initial + ")");
		return new ReconnectBackoff(initial, reconnect.getMultiplier(), reconnect.getMaxDelay());
	}

	private static Duration positive(String property, Duration duration) {
		require(duration.toMillis() > 0, property, duration, "a positive duration, for example 10s");
		return duration;
	}

	private static void require(boolean condition, String property, Object value, String expected) {
		if (!condition) {
			throw new InvalidTelcoflowPropertyException(property, String.valueOf(value),
					"'" + property + "' must be " + expected.replaceFirst(", for example .*", "") + ".",
					"Set '" + property + "' to " + expected + ".");
		}
	}

	private String origin() {
		return (this.connectionDetails instanceof PropertiesTelcoflowConnectionDetails) ? ""
				: " (by the " + this.connectionDetails.getClass().getName() + " connection details)";
	}

}
