package io.telcoflow.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorMainTests {

	@Test
	void durationsAcceptShortAndIsoForms() {
		assertThat(SimulatorMain.parseDuration("5s")).isEqualTo(Duration.ofSeconds(5));
		assertThat(SimulatorMain.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(SimulatorMain.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(SimulatorMain.parseDuration("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
		assertThat(SimulatorMain.parseDuration("7")).isEqualTo(Duration.ofSeconds(7));
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.parseDuration("soon"))
			.withMessageContaining("soon");
	}

	@Test
	void optionsAreParsed() {
		SimulatorMain.Options options = SimulatorMain.Options.parse(new String[] { "--port", "0", "--api-key=K",
				"--connector-uuid", "U", "--call-every", "5s", "--caller-audio", "a.wav", "--tls", "--host", "::1" });
		assertThat(options.port).isZero();
		assertThat(options.apiKey).isEqualTo("K");
		assertThat(options.connectorUuid).isEqualTo("U");
		assertThat(options.callEvery).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.callerAudio).hasFileName("a.wav");
		assertThat(options.tls).isTrue();
		assertThat(options.host).isEqualTo("::1");
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.Options.parse(new String[] { "--nope", "1" }))
			.withMessageContaining("--nope");
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.Options.parse(new String[] { "--port" }))
			.withMessageContaining("needs a value");
	}

}
