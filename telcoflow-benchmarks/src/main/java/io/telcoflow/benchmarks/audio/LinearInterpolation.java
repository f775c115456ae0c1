package io.telcoflow.benchmarks.audio;

import io.telcoflow.audio.Signals;

/**
 * The baseline of the resampler's benchmarks: 24 kHz → 16 kHz by linear interpolation between
 * neighbouring samples, with no anti-aliasing filter and no state between chunks, as handlers
 * write it by hand. Cheap, and wrong (aliasing, clicks at chunk boundaries).
 */
public final class LinearInterpolation {

	private LinearInterpolation() {
	}

	/**
	 * Converts one chunk on its own.
	 * @param chunk s16le PCM at 24 kHz
	 * @return s16le PCM at 16 kHz, two thirds of the samples
	 */
	public static byte[] from24kTo16k(byte[] chunk) {
		short[] in = Signals.toSamples(chunk);
		short[] out = new short[in.length * 2 / 3];
		for (int i = 0; i < out.length; i++) {
			double position = i * 1.5;
			int index = (int) position;
			double fraction = position - index;
			int next = Math.min(index + 1, in.length - 1);
			out[i] = (short) Math.round(in[index] * (1 - fraction) + in[next] * fraction);
		}
		return Signals.toBytes(out);
	}

}
