package io.telcoflow.spring.boot.autoconfigure;

import java.util.List;
import java.util.Map;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.listener.TelcoflowLifecycle;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link InvalidTelcoflowPropertyFailureAnalyzer} and
 * {@link InvalidIncomingCallHandlerFailureAnalyzer}: every startup failure says what to set.
 */
class TelcoflowFailureAnalyzersTests {

	private static final String UUID = TelcoflowAutoConfigurationTests.CONNECTOR_UUID;

	private static final String TLS = TelcoflowAutoConfigurationTests.TLS;

	private static final String[] CLIENT_BUNDLE = { "spring.ssl.bundle.jks.client.keystore.location=" + TLS + "client.p12",
			"spring.ssl.bundle.jks.client.keystore.password=changeit",
			"spring.ssl.bundle.jks.client.keystore.type=PKCS12" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TelcoflowAutoConfiguration.class, SslAutoConfiguration.class))
		.withBean(TelcoflowLifecycle.class, () -> mock(TelcoflowLifecycle.class));

	@Test
	void analyzersAreRegistered() {
		// Boot's own analyzers need constructor arguments: skip those that cannot be instantiated here.
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}));
		assertThat(analyzers).hasAtLeastOneElementOfType(InvalidTelcoflowPropertyFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(InvalidIncomingCallHandlerFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(TelcoflowBindFailureAnalyzer.class);
	}

	@Test
	void noUrl() {
		FailureAnalysis analysis = analyze("telcoflow.api-key=k", "telcoflow.connector-uuid=" + UUID);
		assertThat(analysis.getDescription()).contains("Property: telcoflow.url")
			.contains("Value: (not set)")
			.contains("No Telcoflow server URL is configured.");
		assertThat(analysis.getAction())
			.isEqualTo("Set 'telcoflow.url' to the server's base URL, for example "
					+ "'telcoflow.url=wss://telcoflow.example.com'.");
	}

	@Test
	void urlThatIsNotAWebSocketUrl() {
		FailureAnalysis analysis = analyze("telcoflow.url=https://telcoflow.example.com", "telcoflow.api-key=k",
				"telcoflow.connector-uuid=" + UUID);
		assertThat(analysis.getDescription()).contains("Value: 'https://telcoflow.example.com'")
			.contains("is not a Telcoflow server URL: it must start with wss:// (or ws:// for loopback)");
		assertThat(analysis.getAction()).contains("Set 'telcoflow.url'");
	}

	@Test
	void plainWebSocketToARemoteHost() {
		FailureAnalysis analysis = analyze("telcoflow.url=ws://telcoflow.example.com:8080", "telcoflow.api-key=k",
				"telcoflow.connector-uuid=" + UUID);
		assertThat(analysis.getDescription()).contains("Property: telcoflow.url")
			.contains("Plain ws:// to the host 'telcoflow.example.com', which is not loopback, would send the "
					+ "credentials and the audio unencrypted.");
		assertThat(analysis.getAction()).isEqualTo("Use 'wss://telcoflow.example.com:8080' in 'telcoflow.url', or, "
				+ "only on a trusted network, set 'telcoflow.allow-insecure-transport=true'.");
	}

	@Test
	void plainWebSocketToLoopbackOrWithInsecureTransportAllowedStarts() {
		for (String url : List.of("ws://localhost:1", "ws://127.0.0.1:1", "ws://[::1]:1")) {
			this.contextRunner.withPropertyValues("telcoflow.url=" + url, "telcoflow.api-key=k",
					"telcoflow.connector-uuid=" + UUID)
				.run((context) -> assertThat(context).hasNotFailed());
		}
		this.contextRunner
			.withPropertyValues("telcoflow.url=ws://telcoflow.example.com", "telcoflow.allow-insecure-transport=true",
					"telcoflow.api-key=k", "telcoflow.connector-uuid=" + UUID)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void apiKeyAndSslBundleWithAClientKeyBothSet() {
		FailureAnalysis analysis = analyze(with(CLIENT_BUNDLE, "telcoflow.url=wss://localhost",
				"telcoflow.api-key=secret-key", "telcoflow.connector-uuid=" + UUID, "telcoflow.ssl.bundle=client"));
		assertThat(analysis.getDescription()).contains("Property: telcoflow.api-key")
			.contains("Both an API key ('telcoflow.api-key', from \"telcoflow.api-key\" from property source \"test\") "
					+ "and an SSL bundle with a client key ('telcoflow.ssl.bundle=client') are configured");
		assertThat(analysis.getAction()).startsWith("Remove 'telcoflow.api-key' and 'telcoflow.connector-uuid'")
			.contains("or remove 'telcoflow.ssl.bundle'");
		assertThat(analysis.getDescription() + analysis.getAction() + analysis.getCause().getMessage())
			.doesNotContain("secret-key");
	}

	@Test
	void apiKeyFromTheEnvironmentWithAnSslBundleNamesTheVariableToUnset() {
		// Spring Boot binds TELCOFLOW_API_KEY to telcoflow.api-key by itself: no file mentions it
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.contextRunner.withPropertyValues(with(CLIENT_BUNDLE, "telcoflow.url=wss://localhost",
				"telcoflow.ssl.bundle=client"))
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of("TELCOFLOW_API_KEY", "secret-key", "TELCOFLOW_CONNECTOR_UUID", UUID))))
			.run((context) -> {
				assertThat(context).hasFailed();
				analysis[0] = new InvalidTelcoflowPropertyFailureAnalyzer().analyze(context.getStartupFailure());
			});
		assertThat(analysis[0].getDescription()).contains("environment variable TELCOFLOW_API_KEY");
		assertThat(analysis[0].getAction()).contains("Unset the environment variable TELCOFLOW_API_KEY");
		assertThat(analysis[0].getDescription() + analysis[0].getAction()).doesNotContain("secret-key");
	}

	@Test
	void neitherApiKeyNorSslBundle() {
		FailureAnalysis analysis = analyze("telcoflow.url=wss://localhost");
		assertThat(analysis.getDescription())
			.contains("No Telcoflow authentication is configured: neither an API key nor an SSL bundle with a "
					+ "client key.");
		assertThat(analysis.getAction()).isEqualTo("Set 'telcoflow.api-key' and 'telcoflow.connector-uuid' "
				+ "(API-key authentication), or set 'telcoflow.ssl.bundle' to an SSL bundle (spring.ssl.bundle.*) "
				+ "holding the mTLS client certificate and key (certificate authentication).");
	}

	@Test
	void sslBundleWithoutAClientKeyAndNoApiKey() {
		FailureAnalysis analysis = analyze("telcoflow.url=wss://localhost", "telcoflow.ssl.bundle=trust",
				"spring.ssl.bundle.pem.trust.truststore.certificate=" + TLS + "test-ca.crt.pem");
		assertThat(analysis.getDescription()).contains("Property: telcoflow.ssl.bundle")
			.contains("The SSL bundle 'trust' holds no client key, and no API key is configured.");
		assertThat(analysis.getAction()).contains("set 'telcoflow.ssl.bundle' to an SSL bundle");
	}

	@Test
	void unknownSslBundle() {
		FailureAnalysis analysis = analyze(with(CLIENT_BUNDLE, "telcoflow.url=wss://localhost",
				"telcoflow.ssl.bundle=missing"));
		assertThat(analysis.getDescription()).contains("Property: telcoflow.ssl.bundle")
			.contains("Value: 'missing'")
			.contains("No SSL bundle named 'missing' exists. Known SSL bundles: [client].");
		assertThat(analysis.getAction()).contains("'spring.ssl.bundle.jks.missing.keystore.location'")
			.contains("or set 'telcoflow.ssl.bundle' to the name of an existing bundle");
	}

	@Test
	void malformedConnectorUuid() {
		FailureAnalysis analysis = analyze("telcoflow.url=wss://localhost", "telcoflow.api-key=k",
				"telcoflow.connector-uuid=0190a8f2-7c41-7d3e-9a55");
		assertThat(analysis.getDescription()).contains("Property: telcoflow.connector-uuid")
			.contains("'0190a8f2-7c41-7d3e-9a55' is not a UUID.");
		assertThat(analysis.getAction()).isEqualTo("Set 'telcoflow.connector-uuid' to the connector's UUID: 32 "
				+ "hexadecimal digits in five groups separated by hyphens (8-4-4-4-12), for example '" + UUID + "'.");
	}

	@Test
	void apiKeyWithoutConnectorUuid() {
		FailureAnalysis analysis = analyze("telcoflow.url=wss://localhost", "telcoflow.api-key=k");
		assertThat(analysis.getDescription()).contains("Property: telcoflow.connector-uuid")
			.contains("An API key is configured without the connector UUID that goes with it.");
		assertThat(analysis.getAction()).startsWith("Set 'telcoflow.connector-uuid' to the UUID of the connector");
	}

	@Test
	void unsupportedSampleRate() {
		FailureAnalysis analysis = analyze("telcoflow.url=wss://localhost", "telcoflow.api-key=k",
				"telcoflow.connector-uuid=" + UUID, "telcoflow.audio.sample-rate=44100");
		assertThat(analysis.getDescription()).contains("Property: telcoflow.audio.sample-rate")
			.contains("A sample rate of 44100 Hz is not supported.");
		assertThat(analysis.getAction())
			.startsWith("Set 'telcoflow.audio.sample-rate' to one of [8000, 16000, 24000, 48000]");
	}

	@Test
	void otherInvalidValuesNameTheirPropertyAndAValidValue() {
		FailureAnalysis analysis = analyze("telcoflow.url=wss://localhost", "telcoflow.api-key=k",
				"telcoflow.connector-uuid=" + UUID, "telcoflow.reconnect.multiplier=0.5");
		assertThat(analysis.getDescription()).contains("Property: telcoflow.reconnect.multiplier")
			.contains("Value: '0.5'")
			.contains("'telcoflow.reconnect.multiplier' must be at least 1.");
		assertThat(analysis.getAction()).isEqualTo("Set 'telcoflow.reconnect.multiplier' to at least 1, for example 2.");
	}

	@Test
	void outgoingBufferTooSmallForTwoFrames() {
		FailureAnalysis analysis = analyze("telcoflow.url=wss://localhost", "telcoflow.api-key=k",
				"telcoflow.connector-uuid=" + UUID, "telcoflow.audio.outgoing-buffer-size=1KB");
		assertThat(analysis.getDescription()).contains("Property: telcoflow.audio.outgoing-buffer-size")
			.contains("must be a size between 1920B (two 20 ms frames at 24000 Hz) and 2GB.");
		assertThat(analysis.getAction()).endsWith("for example 1MB.");
	}

	@Test
	void invalidHandlerSignature() {
		this.contextRunner
			.withPropertyValues("telcoflow.url=wss://localhost", "telcoflow.api-key=k",
					"telcoflow.connector-uuid=" + UUID)
			.withBean("frontDesk", BadHandler.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidIncomingCallHandlerFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.contains("The @OnIncomingCall method " + BadHandler.class.getName()
							+ ".onCall(ActiveCall, Integer) of bean 'frontDesk' cannot handle calls")
					.contains("parameter 1 of type java.lang.Integer cannot be resolved");
				assertThat(analysis.getAction()).contains("define a CallArgumentResolver bean that supports it");
			});
	}

	private FailureAnalysis analyze(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new InvalidTelcoflowPropertyFailureAnalyzer().analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	private static String[] with(String[] base, String... more) {
		String[] all = new String[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	static class BadHandler {

		@OnIncomingCall
		void onCall(ActiveCall call, Integer retries) {
		}

	}

}
