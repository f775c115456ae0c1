package io.telcoflow.spring.reliability;

import java.util.stream.Stream;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.spring.annotation.OnIncomingCall;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every invalid configuration value stops a real application at startup, before any connection is
 * made, with Spring Boot's failure report naming the property and saying what to set. The table
 * of messages is in {@code docs/reliability.md}; {@code TelcoflowFailureAnalyzersTests} checks
 * each message word for word.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadConfigurationTests {

	private static final String UUID = "0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d70";

	private static final String[] VALID = { "telcoflow.url=wss://telcoflow.example.com", "telcoflow.api-key=k",
			"telcoflow.connector-uuid=" + UUID };

	static Stream<Arguments> invalidValues() {
		return Stream.of(arguments("telcoflow.url", "telcoflow.url="),
				arguments("telcoflow.url", "telcoflow.url=https://telcoflow.example.com"),
				arguments("telcoflow.url", "telcoflow.url=ws://telcoflow.example.com"),
				arguments("telcoflow.api-key", "telcoflow.api-key=", "telcoflow.connector-uuid="),
				arguments("telcoflow.connector-uuid", "telcoflow.connector-uuid="),
				arguments("telcoflow.connector-uuid", "telcoflow.connector-uuid=not-a-uuid"),
				arguments("telcoflow.ssl.bundle", "telcoflow.ssl.bundle=missing"),
				arguments("telcoflow.audio.sample-rate", "telcoflow.audio.sample-rate=44100"),
				arguments("telcoflow.audio.outgoing-buffer-size", "telcoflow.audio.outgoing-buffer-size=1KB"),
				arguments("telcoflow.audio.inbound-queue-frames", "telcoflow.audio.inbound-queue-frames=0"),
				arguments("telcoflow.command-timeout", "telcoflow.command-timeout=0s"),
				arguments("telcoflow.connect-timeout", "telcoflow.connect-timeout=-1s"),
				arguments("telcoflow.reconnect.initial-delay", "telcoflow.reconnect.initial-delay=0ms"),
				arguments("telcoflow.reconnect.multiplier", "telcoflow.reconnect.multiplier=0.5"),
				arguments("telcoflow.reconnect.max-delay", "telcoflow.reconnect.max-delay=100ms"),
				arguments("telcoflow.max-concurrent-calls", "telcoflow.max-concurrent-calls=-1"),
				arguments("telcoflow.shutdown.drain-timeout", "telcoflow.shutdown.drain-timeout=-1s"),
				arguments("telcoflow.command-timeout", "telcoflow.command-timeout=soon"),
				arguments("telcoflow.handler.failure-action", "telcoflow.handler.failure-action=explode"),
				arguments("telcoflow.shutdown.action", "telcoflow.shutdown.action=hang-up"),
				arguments("telcoflow.max-concurrent-calls", "telcoflow.max-concurrent-calls=many"),
				arguments("telcoflow.audio.outgoing-buffer-size", "telcoflow.audio.outgoing-buffer-size=big"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("invalidValues")
	void invalidValueFailsTheStartupNamingThePropertyAndWhatToSet(String property, String[] values,
			CapturedOutput output) {
		SpringApplication application = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.properties(VALID)
			.properties(values)
			.properties("spring.main.banner-mode=off")
			.build();
		assertThatException().isThrownBy(application::run);
		String report = output.toString().substring(output.toString().lastIndexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains("Description:").contains(property);
		String action = report.substring(report.indexOf("Action:"));
		assertThat(action).as("the action of %s", values[0]).contains("'" + property + "'");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("conversionFailures")
	void valueOfTheWrongTypeIsAnsweredWithAnExample(String value, String action, CapturedOutput output) {
		SpringApplication application = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.properties(VALID)
			.properties(value)
			.build();
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains(action);
	}

	static Stream<Arguments> conversionFailures() {
		return Stream.of(
				Arguments.of("telcoflow.command-timeout=soon",
						"Set 'telcoflow.command-timeout' to a duration with a unit, for example 10s or 500ms."),
				Arguments.of("telcoflow.handler.failure-action=explode",
						"Set 'telcoflow.handler.failure-action' to one of disconnect, close, for example disconnect."),
				Arguments.of("telcoflow.audio.outgoing-buffer-size=big",
						"Set 'telcoflow.audio.outgoing-buffer-size' to a size with a unit, for example 1MB or 64KB."));
	}

	private static Arguments arguments(String property, String... values) {
		return Arguments.of(property, values);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Handler.class)
	static class TestApplication {

	}

	static class Handler {

		@OnIncomingCall
		void onCall(ActiveCall call) {
			call.answer();
		}

	}

}
