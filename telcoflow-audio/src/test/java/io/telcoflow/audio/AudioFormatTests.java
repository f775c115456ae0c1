package io.telcoflow.audio;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AudioFormatTests {

	@Test
	void bytesAndDurationsOfEachEncoding() {
		assertThat(AudioFormat.PCM_24K.bytes(Duration.ofMillis(20))).isEqualTo(960);
		assertThat(AudioFormat.PCM_16K.bytesPerSecond()).isEqualTo(32_000);
		assertThat(AudioFormat.MULAW_8K.bytes(Duration.ofMillis(20))).isEqualTo(160);
		assertThat(AudioFormat.ALAW_8K.duration(8000)).isEqualTo(Duration.ofSeconds(1));
		assertThat(AudioFormat.pcm(22_050).duration(882)).isEqualTo(Duration.ofMillis(20));
		assertThat(AudioFormat.pcm(22_050).bytes(Duration.ofMillis(10))).as("220.5 samples, rounded down").isEqualTo(440);
		assertThat(AudioFormat.PCM_8K.duration(3)).isEqualTo(Duration.ofNanos(125_000));
		assertThat(AudioFormat.PCM_8K.channels()).isOne();
	}

	@Test
	void invalidValuesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> AudioFormat.pcm(0)).withMessageContaining("positive");
		assertThatIllegalArgumentException().isThrownBy(() -> AudioFormat.PCM_8K.bytes(Duration.ofMillis(-1)))
			.withMessageContaining("negative");
	}

	@Test
	void toStringNamesEncodingAndRate() {
		assertThat(AudioFormat.MULAW_8K).hasToString("MULAW@8000Hz");
	}

}
