package io.telcoflow.audio.resample;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.telcoflow.audio.ResamplerMeasurements;
import io.telcoflow.audio.Signals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ResamplerQualityTests {

	static Stream<Arguments> pairs() {
		List<Integer> rates = Resampler.SUPPORTED_RATES.stream().sorted().toList();
		List<Arguments> pairs = new ArrayList<>();
		for (int in : rates) {
			for (int out : rates) {
				if (in != out) {
					pairs.add(Arguments.of(in, out));
				}
			}
		}
		return pairs.stream();
	}

	@ParameterizedTest(name = "{0} Hz -> {1} Hz")
	@MethodSource("pairs")
	void meetsQualityTargets(int inputRate, int outputRate) {
		ResamplerMeasurements measured = ResamplerMeasurements.measure(inputRate, outputRate, (in) -> {
			Resampler resampler = new Resampler(inputRate, outputRate);
			byte[] out = resampler.process(Signals.toBytes(in));
			byte[] tail = resampler.flush();
			byte[] all = new byte[out.length + tail.length];
			System.arraycopy(out, 0, all, 0, out.length);
			System.arraycopy(tail, 0, all, out.length, tail.length);
			return Signals.toSamples(all);
		});
		System.out.println(inputRate + " -> " + outputRate + ": " + measured);
		assertThat(measured.passbandDeviationDb()).as("pass band deviation (dB)").isLessThanOrEqualTo(0.1);
		assertThat(measured.aliasRejectionDb()).as("aliasing rejection (dB)").isGreaterThanOrEqualTo(80);
		assertThat(measured.thdPlusNoiseDb()).as("THD+N (dB)").isLessThanOrEqualTo(-80);
	}

}
