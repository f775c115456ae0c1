package io.telcoflow.audio;

import java.util.function.UnaryOperator;

import io.telcoflow.audio.Signals.SineFit;

/**
 * The three quality figures of a sample-rate converter, measured with sines and a sweep on any
 * converter given as a function from input samples to output samples (ours, or SoX run by
 * telcoflow-benchmarks).
 *
 * @param passbandDeviationDb the largest gain deviation from 0 dB up to 90 % of the lower
 * Nyquist frequency
 * @param aliasRejectionDb the smallest rejection of what lies above the output's Nyquist
 * frequency (downsampling: sines and a sweep there; upsampling: the images of sines below the
 * input's Nyquist frequency)
 * @param thdPlusNoiseDb THD+N of a 1 kHz sine at -1 dBFS, negative
 */
public record ResamplerMeasurements(double passbandDeviationDb, double aliasRejectionDb, double thdPlusNoiseDb) {

	private static final double SECONDS = 0.25;

	/**
	 * Measures a converter.
	 * @param inputRate its input rate
	 * @param outputRate its output rate
	 * @param converter the converter: whole input in, whole output out, time-aligned within a few
	 * milliseconds
	 * @return the figures
	 */
	public static ResamplerMeasurements measure(int inputRate, int outputRate, UnaryOperator<short[]> converter) {
		int samples = (int) (inputRate * SECONDS);
		double lowNyquist = Math.min(inputRate, outputRate) / 2.0;
		double worstPass = 0;
		for (int i = 0; i <= 12; i++) {
			double frequency = Math.max(20, 0.9 * lowNyquist * i / 12);
			double amplitude = 16000;
			short[] out = converter.apply(Signals.sine(inputRate, frequency, amplitude, samples));
			SineFit fit = fitMiddle(out, outputRate, frequency);
			worstPass = Math.max(worstPass, Math.abs(20 * Math.log10(fit.amplitude() / amplitude)));
		}
		double worstRejection = Double.POSITIVE_INFINITY;
		double loud = 0.9 * 32767;
		if (outputRate < inputRate) {
			double outNyquist = outputRate / 2.0;
			double inNyquist = inputRate / 2.0;
			for (int i = 0; i <= 8; i++) {
				double frequency = outNyquist + (inNyquist - outNyquist) * (0.001 + 0.998 * i / 8);
				short[] in = Signals.sine(inputRate, frequency, loud, samples);
				worstRejection = Math.min(worstRejection, rejection(in, converter.apply(in)));
			}
			short[] sweep = Signals.sweep(inputRate, outNyquist, inNyquist, loud, samples);
			worstRejection = Math.min(worstRejection, rejection(sweep, converter.apply(sweep)));
		}
		else if (outputRate > inputRate) {
			for (int i = 1; i <= 8; i++) {
				double frequency = inputRate / 2.0 * (0.999 * i / 8);
				short[] in = Signals.sine(inputRate, frequency, loud, samples);
				// the images are what the fitted sine does not explain; relative to the input, since a
				// sine in the transition band is itself attenuated
				SineFit fit = fitMiddle(converter.apply(in), outputRate, frequency);
				worstRejection = Math.min(worstRejection, Signals.db(loud * loud / 2 / fit.residualPower()));
			}
		}
		short[] tone = converter.apply(Signals.sine(inputRate, 1000, 0.891 * 32767, samples));
		double thdN = fitMiddle(tone, outputRate, 1000).thdPlusNoiseDb();
		return new ResamplerMeasurements(worstPass, worstRejection, thdN);
	}

	private static double rejection(short[] in, short[] out) {
		int edgeIn = in.length / 10;
		int edgeOut = out.length / 10;
		double inPower = Signals.power(in, edgeIn, in.length - edgeIn);
		double outPower = Math.max(1e-3, Signals.power(out, edgeOut, out.length - edgeOut));
		return Signals.db(inPower / outPower);
	}

	private static SineFit fitMiddle(short[] out, int rate, double frequency) {
		int edge = out.length / 10;
		return Signals.fit(out, rate, frequency, edge, out.length - edge);
	}

	@Override
	public String toString() {
		return String.format("passband ±%.4f dB, aliasing -%.1f dB, THD+N %.1f dB", this.passbandDeviationDb,
				this.aliasRejectionDb, this.thdPlusNoiseDb);
	}

}
