package io.telcoflow.audio.resample;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Converts 16-bit PCM from one sample rate to another as chunks arrive, carrying the filter's
 * state from chunk to chunk: feeding audio in any chunking (odd byte counts included) gives
 * output identical, byte for byte, to feeding it whole.
 * <p>
 * A Kaiser-windowed sinc polyphase filter: flat within 0.01 dB up to 90 % of the lower rate's
 * Nyquist frequency, and everything from that Nyquist frequency up (what would alias or image
 * into the output) rejected by about 90 dB. Output sample {@code n} is the input's value at time
 * {@code n / outputRate}: the output is not delayed, but the resampler holds back about half
 * the filter's length of input (for example 3.6 ms at 24 kHz → 16 kHz) until later input
 * arrives, or until {@link #flush()} at the end of the audio.
 * <p>
 * Supported rates: {@link #SUPPORTED_RATES}, in any pair; equal rates copy the audio. The
 * filter's coefficients are computed once per pair and shared; each resampler's own state is a
 * few hundred samples. Not thread-safe: one resampler per stream.
 */
public final class Resampler {

	/** The sample rates it converts between. */
	public static final Set<Integer> SUPPORTED_RATES = Set.of(8_000, 11_025, 12_000, 16_000, 22_050, 24_000, 32_000,
			44_100, 48_000);

	private final int inputRate;

	private final int outputRate;

	private final PolyphaseFilter filter;

	/** Input samples from absolute index {@link #historyStart} on. */
	private float[] history;

	private int historyLength;

	private long historyStart;

	/** Input samples received so far (absolute index of the next one). */
	private long received;

	/** The integer part of the next output's time, in input samples. */
	private long position;

	/** The fractional part of the next output's time, in {@code 1/up} input samples. */
	private int phase;

	private long produced;

	private int pendingByte = -1;

	/**
	 * Creates a resampler.
	 * @param inputRate samples per second of the input
	 * @param outputRate samples per second of the output
	 * @throws IllegalArgumentException when a rate is not supported
	 */
	public Resampler(int inputRate, int outputRate) {
		checkRate(inputRate);
		checkRate(outputRate);
		this.inputRate = inputRate;
		this.outputRate = outputRate;
		this.filter = PolyphaseFilter.forRates(inputRate, outputRate);
		this.history = new float[Math.max(1024, 4 * this.filter.taps)];
		reset();
	}

	private Resampler(Resampler other) {
		this.inputRate = other.inputRate;
		this.outputRate = other.outputRate;
		this.filter = other.filter;
		this.history = Arrays.copyOf(other.history, Math.max(other.history.length, other.historyLength));
		this.historyLength = other.historyLength;
		this.historyStart = other.historyStart;
		this.received = other.received;
		this.position = other.position;
		this.phase = other.phase;
		this.produced = other.produced;
		this.pendingByte = other.pendingByte;
	}

	/**
	 * Returns an independent resampler in this one's state, for example to try a conversion that
	 * may have to be undone (the copy shares only the immutable filter).
	 * @return the copy
	 */
	public Resampler copy() {
		return new Resampler(this);
	}

	private static void checkRate(int rate) {
		if (!SUPPORTED_RATES.contains(rate)) {
			throw new IllegalArgumentException(
					"Unsupported sample rate " + rate + " Hz; supported: " + SUPPORTED_RATES.stream().sorted().toList());
		}
	}

	/**
	 * Returns the input's sample rate.
	 * @return samples per second
	 */
	public int inputRate() {
		return this.inputRate;
	}

	/**
	 * Returns the output's sample rate.
	 * @return samples per second
	 */
	public int outputRate() {
		return this.outputRate;
	}

	/**
	 * Returns how much input the resampler holds back before the output it contributes to can be
	 * computed (zero for equal rates).
	 * @return the look-ahead
	 */
	public Duration lookAhead() {
		if (this.inputRate == this.outputRate) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(this.filter.taps / 2 * 1_000_000_000L / this.inputRate);
	}

	/**
	 * Converts the next chunk of audio.
	 * @param pcm s16le PCM at the input rate; any length, an odd trailing byte waits for the next
	 * chunk
	 * @return s16le PCM at the output rate, possibly empty
	 */
	public byte[] process(byte[] pcm) {
		return process(pcm, 0, pcm.length);
	}

	/**
	 * Converts the next chunk of audio from a range of an array.
	 * @param pcm the array
	 * @param offset the first byte
	 * @param length the number of bytes, any
	 * @return s16le PCM at the output rate, possibly empty
	 */
	public byte[] process(byte[] pcm, int offset, int length) {
		Objects.checkFromIndexSize(offset, length, pcm.length);
		int index = offset;
		int end = offset + length;
		int samples = (length + ((this.pendingByte >= 0) ? 1 : 0)) / 2;
		short[] input = new short[samples];
		int count = 0;
		if (this.pendingByte >= 0 && index < end) {
			input[count++] = (short) (this.pendingByte | (pcm[index++] << 8));
			this.pendingByte = -1;
		}
		while (index + 1 < end) {
			input[count++] = (short) ((pcm[index] & 0xFF) | (pcm[index + 1] << 8));
			index += 2;
		}
		if (index < end) {
			this.pendingByte = pcm[index] & 0xFF;
		}
		return toBytes(process(input, 0, count));
	}

	/**
	 * Converts the next chunk of samples.
	 * @param samples the array
	 * @param offset the first sample
	 * @param length the number of samples
	 * @return the output samples, possibly none
	 */
	public short[] process(short[] samples, int offset, int length) {
		Objects.checkFromIndexSize(offset, length, samples.length);
		if (this.inputRate == this.outputRate) {
			this.received += length;
			this.produced += length;
			return Arrays.copyOfRange(samples, offset, offset + length);
		}
		append(samples, offset, length);
		return produce();
	}

	/**
	 * Ends the audio: returns the output still held back (the input's last {@link #lookAhead()},
	 * followed by silence as the filter needs it) and resets, so that the next chunk starts a new
	 * stream. The total output is then {@code ceil(inputSamples * outputRate / inputRate)} samples.
	 * A trailing odd byte is dropped.
	 * @return s16le PCM at the output rate, possibly empty
	 */
	public byte[] flush() {
		return toBytes(flushSamples());
	}

	/**
	 * Like {@link #flush()}, returning samples.
	 * @return the output samples, possibly none
	 */
	public short[] flushSamples() {
		short[] tail = new short[0];
		if (this.inputRate != this.outputRate) {
			long expected = ceilDiv(this.received * this.filter.up, this.filter.down);
			short[] zeros = new short[this.filter.taps / 2 + 1];
			append(zeros, 0, zeros.length);
			short[] out = produce();
			int keep = (int) Math.max(0, Math.min(out.length, expected - (this.produced - out.length)));
			tail = Arrays.copyOf(out, keep);
		}
		reset();
		return tail;
	}

	/**
	 * Forgets all audio received so far (for example after a barge-in cleared what was playing):
	 * the next chunk starts a new stream.
	 */
	public void reset() {
		Arrays.fill(this.history, 0f);
		// silence before the first sample, as the filter reaches back half its length
		this.historyLength = this.filter.taps;
		this.historyStart = -this.filter.taps;
		this.received = 0;
		this.position = 0;
		this.phase = 0;
		this.produced = 0;
		this.pendingByte = -1;
	}

	private void append(short[] samples, int offset, int length) {
		if (this.historyLength + length > this.history.length) {
			this.history = Arrays.copyOf(this.history, Math.max(2 * this.history.length, this.historyLength + length));
		}
		for (int i = 0; i < length; i++) {
			this.history[this.historyLength + i] = samples[offset + i];
		}
		this.historyLength += length;
		this.received += length;
	}

	private short[] produce() {
		PolyphaseFilter f = this.filter;
		int halfTaps = f.taps / 2;
		long available = this.received - halfTaps - this.position;
		short[] out = new short[(int) Math.max(0, ceilDiv(available * f.up, f.down) + 1)];
		int count = 0;
		float[] coefficients = f.coefficients;
		float[] samples = this.history;
		while (this.position + halfTaps < this.received) {
			int start = (int) (this.position - halfTaps + 1 - this.historyStart);
			float value = dot(coefficients, this.phase * f.taps, samples, start, f.taps);
			out[count++] = clamp(value);
			this.phase += f.down;
			this.position += this.phase / f.up;
			this.phase %= f.up;
		}
		this.produced += count;
		discardBefore(this.position - halfTaps + 1);
		return (count == out.length) ? out : Arrays.copyOf(out, count);
	}

	private static float dot(float[] coefficients, int c, float[] samples, int s, int taps) {
		float a0 = 0;
		float a1 = 0;
		float a2 = 0;
		float a3 = 0;
		for (int j = 0; j < taps; j += 4) {
			a0 += coefficients[c + j] * samples[s + j];
			a1 += coefficients[c + j + 1] * samples[s + j + 1];
			a2 += coefficients[c + j + 2] * samples[s + j + 2];
			a3 += coefficients[c + j + 3] * samples[s + j + 3];
		}
		return (a0 + a1) + (a2 + a3);
	}

	private void discardBefore(long absoluteIndex) {
		int drop = (int) Math.min(this.historyLength, Math.max(0, absoluteIndex - this.historyStart));
		if (drop > 0) {
			System.arraycopy(this.history, drop, this.history, 0, this.historyLength - drop);
			this.historyLength -= drop;
			this.historyStart += drop;
		}
	}

	private static short clamp(float value) {
		int rounded = Math.round(value);
		return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
	}

	private static byte[] toBytes(short[] samples) {
		byte[] bytes = new byte[samples.length * 2];
		for (int i = 0; i < samples.length; i++) {
			bytes[2 * i] = (byte) samples[i];
			bytes[2 * i + 1] = (byte) (samples[i] >> 8);
		}
		return bytes;
	}

	private static long ceilDiv(long x, long y) {
		return -Math.floorDiv(-x, y);
	}

	@Override
	public String toString() {
		return "Resampler[" + this.inputRate + " Hz -> " + this.outputRate + " Hz, " + this.filter.taps + " taps]";
	}

}
