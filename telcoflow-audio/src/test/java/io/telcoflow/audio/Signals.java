package io.telcoflow.audio;

import java.util.Random;

/**
 * Test signals and their measurement, shared by the quality tests and by telcoflow-benchmarks'
 * comparison with SoX (through this module's test jar).
 */
public final class Signals {

	private Signals() {
	}

	/**
	 * A sine, rounded to 16-bit samples.
	 * @param rate samples per second
	 * @param frequency hertz
	 * @param amplitude peak, in sample units
	 * @param samples how many
	 * @return the samples
	 */
	public static short[] sine(int rate, double frequency, double amplitude, int samples) {
		short[] out = new short[samples];
		for (int i = 0; i < samples; i++) {
			out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
		}
		return out;
	}

	/**
	 * A linear sweep, rounded to 16-bit samples.
	 * @param rate samples per second
	 * @param from start frequency in hertz
	 * @param to end frequency in hertz
	 * @param amplitude peak
	 * @param samples how many
	 * @return the samples
	 */
	public static short[] sweep(int rate, double from, double to, double amplitude, int samples) {
		short[] out = new short[samples];
		double duration = (double) samples / rate;
		for (int i = 0; i < samples; i++) {
			double t = (double) i / rate;
			double phase = 2 * Math.PI * (from * t + (to - from) * t * t / (2 * duration));
			out[i] = (short) Math.round(amplitude * Math.sin(phase));
		}
		return out;
	}

	/**
	 * White noise plus a few sines: a signal with energy everywhere, for comparing chunkings.
	 * @param random the source
	 * @param rate samples per second
	 * @param samples how many
	 * @return the samples
	 */
	public static short[] randomSignal(Random random, int rate, int samples) {
		short[] out = new short[samples];
		double f1 = 50 + random.nextDouble() * (rate / 2.0 - 100);
		double f2 = 50 + random.nextDouble() * (rate / 2.0 - 100);
		for (int i = 0; i < samples; i++) {
			double value = 6000 * random.nextGaussian() + 8000 * Math.sin(2 * Math.PI * f1 * i / rate)
					+ 8000 * Math.sin(2 * Math.PI * f2 * i / rate);
			out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
		}
		return out;
	}

	/**
	 * s16le bytes of samples.
	 * @param samples the samples
	 * @return the bytes
	 */
	public static byte[] toBytes(short[] samples) {
		byte[] bytes = new byte[samples.length * 2];
		for (int i = 0; i < samples.length; i++) {
			bytes[2 * i] = (byte) samples[i];
			bytes[2 * i + 1] = (byte) (samples[i] >> 8);
		}
		return bytes;
	}

	/**
	 * Samples of s16le bytes.
	 * @param bytes the bytes, even length
	 * @return the samples
	 */
	public static short[] toSamples(byte[] bytes) {
		short[] samples = new short[bytes.length / 2];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
		}
		return samples;
	}

	/**
	 * Mean power of a range.
	 * @param x the samples
	 * @param from first index
	 * @param to index after the last
	 * @return mean of the squares
	 */
	public static double power(short[] x, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += (double) x[i] * x[i];
		}
		return sum / (to - from);
	}

	/**
	 * Fits {@code a cos + b sin + c} at a known frequency to a range by least squares.
	 * @param x the samples
	 * @param rate samples per second
	 * @param frequency hertz
	 * @param from first index
	 * @param to index after the last
	 * @return the fit
	 */
	public static SineFit fit(short[] x, int rate, double frequency, int from, int to) {
		// normal equations of the 3 x 3 least-squares problem
		double[][] m = new double[3][4];
		for (int i = from; i < to; i++) {
			double w = 2 * Math.PI * frequency * i / rate;
			double[] basis = { Math.cos(w), Math.sin(w), 1 };
			for (int r = 0; r < 3; r++) {
				for (int c = 0; c < 3; c++) {
					m[r][c] += basis[r] * basis[c];
				}
				m[r][3] += basis[r] * x[i];
			}
		}
		double[] solution = solve(m);
		double residual = 0;
		for (int i = from; i < to; i++) {
			double w = 2 * Math.PI * frequency * i / rate;
			double error = x[i] - (solution[0] * Math.cos(w) + solution[1] * Math.sin(w) + solution[2]);
			residual += error * error;
		}
		double amplitude = Math.hypot(solution[0], solution[1]);
		return new SineFit(amplitude, residual / (to - from));
	}

	private static double[] solve(double[][] m) {
		int n = 3;
		for (int p = 0; p < n; p++) {
			int max = p;
			for (int r = p + 1; r < n; r++) {
				if (Math.abs(m[r][p]) > Math.abs(m[max][p])) {
					max = r;
				}
			}
			double[] swap = m[p];
			m[p] = m[max];
			m[max] = swap;
			for (int r = p + 1; r < n; r++) {
				double factor = m[r][p] / m[p][p];
				for (int c = p; c <= n; c++) {
					m[r][c] -= factor * m[p][c];
				}
			}
		}
		double[] x = new double[n];
		for (int r = n - 1; r >= 0; r--) {
			double sum = m[r][n];
			for (int c = r + 1; c < n; c++) {
				sum -= m[r][c] * x[c];
			}
			x[r] = sum / m[r][r];
		}
		return x;
	}

	/**
	 * Decibels of a power ratio.
	 * @param ratio the ratio
	 * @return {@code 10 log10(ratio)}
	 */
	public static double db(double ratio) {
		return 10 * Math.log10(ratio);
	}

	/**
	 * A sine fitted to a signal.
	 *
	 * @param amplitude the sine's peak
	 * @param residualPower the mean power of what the sine does not explain (distortion and noise)
	 */
	public record SineFit(double amplitude, double residualPower) {

		/**
		 * Returns THD+N: what the sine does not explain relative to the sine's power.
		 * @return decibels, negative
		 */
		public double thdPlusNoiseDb() {
			return db(this.residualPower / (this.amplitude * this.amplitude / 2));
		}

	}

}
