package io.telcoflow.audio.resample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The coefficients of one conversion between two rates: a Kaiser-windowed sinc low-pass filter
 * cut into {@code up} phases of {@code taps} coefficients each. Immutable and shared by every
 * resampler of the same pair of rates.
 * <p>
 * Design: the pass band ends at 90 % of the lower rate's Nyquist frequency and the stop band
 * starts at that Nyquist frequency, so that nothing that would alias (or image) into the
 * output's band gets through; the window is designed for {@value #ATTENUATION_DB} dB in the stop
 * band, which keeps the pass-band ripple far below 0.01 dB.
 */
final class PolyphaseFilter {

	static final double ATTENUATION_DB = 90;

	static final double PASS_EDGE = 0.90;

	private static final Map<Long, PolyphaseFilter> CACHE = new ConcurrentHashMap<>();

	/** Output samples per input period (numerator of the reduced ratio). */
	final int up;

	/** Input samples per output period (denominator of the reduced ratio). */
	final int down;

	/** Coefficients per phase, a multiple of 4. */
	final int taps;

	/** Phase-major: the coefficients of phase {@code p} start at {@code p * taps}. */
	final float[] coefficients;

	private PolyphaseFilter(int up, int down, int taps, float[] coefficients) {
		this.up = up;
		this.down = down;
		this.taps = taps;
		this.coefficients = coefficients;
	}

	static PolyphaseFilter forRates(int inputRate, int outputRate) {
		long key = ((long) inputRate << 32) | outputRate;
		return CACHE.computeIfAbsent(key, (k) -> design(inputRate, outputRate));
	}

	private static PolyphaseFilter design(int inputRate, int outputRate) {
		int gcd = gcd(inputRate, outputRate);
		int up = outputRate / gcd;
		int down = inputRate / gcd;
		double nyquist = Math.min(inputRate, outputRate) / 2.0;
		double passEdge = PASS_EDGE * nyquist;
		// in cycles per input sample
		double cutoff = (passEdge + nyquist) / 2 / inputRate;
		double transition = 2 * Math.PI * (nyquist - passEdge) / inputRate;
		double beta = 0.1102 * (ATTENUATION_DB - 8.7);
		int order = (int) Math.ceil((ATTENUATION_DB - 7.95) / (2.285 * transition));
		// a multiple of 4, for the unrolled dot product; even, so the filter is centred
		int taps = (order + 2 + 3) / 4 * 4;
		double half = taps / 2.0;
		double windowNorm = besselI0(beta);
		float[] coefficients = new float[up * taps];
		for (int phase = 0; phase < up; phase++) {
			double fraction = (double) phase / up;
			double[] row = new double[taps];
			double sum = 0;
			for (int j = 0; j < taps; j++) {
				double t = fraction + half - 1 - j;
				double x = t / half;
				double window = (Math.abs(x) >= 1) ? 0 : besselI0(beta * Math.sqrt(1 - x * x)) / windowNorm;
				row[j] = 2 * cutoff * sinc(2 * cutoff * t) * window;
				sum += row[j];
			}
			// every phase passes DC with gain 1, so that no phase modulates a constant signal
			for (int j = 0; j < taps; j++) {
				coefficients[phase * taps + j] = (float) (row[j] / sum);
			}
		}
		return new PolyphaseFilter(up, down, taps, coefficients);
	}

	private static double sinc(double x) {
		if (x == 0) {
			return 1;
		}
		double px = Math.PI * x;
		return Math.sin(px) / px;
	}

	private static double besselI0(double x) {
		double sum = 1;
		double term = 1;
		double quarterSquare = x * x / 4;
		for (int k = 1; k < 200; k++) {
			term *= quarterSquare / ((double) k * k);
			sum += term;
			if (term < sum * 1e-17) {
				break;
			}
		}
		return sum;
	}

	private static int gcd(int a, int b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

}
