package io.telcoflow.audio;

import java.util.Arrays;
import java.util.Objects;

import io.telcoflow.audio.codec.G711;
import io.telcoflow.audio.resample.Resampler;
import org.jspecify.annotations.Nullable;

/**
 * Converts a stream of audio from one {@link AudioFormat} to another as chunks arrive: decodes
 * G.711, resamples and encodes, carrying every state (the resampler's filter, a partial sample)
 * from chunk to chunk, so that any chunking gives the same output as the whole audio at once.
 * <p>
 * The resampler holds back a few milliseconds of input until later input arrives; call
 * {@link #flush()} at the end of a piece of audio (a prompt, an utterance) to get it out.
 * Converting between equal formats copies. Not thread-safe: one converter per stream.
 */
public final class AudioConverter {

	private final AudioFormat source;

	private final AudioFormat target;

	private final @Nullable Resampler resampler;

	private final byte[] partial;

	private int partialLength;

	/**
	 * Creates a converter.
	 * @param source the format of the audio it is given
	 * @param target the format of the audio it returns
	 * @throws IllegalArgumentException when the rates differ and one of them is not in
	 * {@link Resampler#SUPPORTED_RATES}
	 */
	public AudioConverter(AudioFormat source, AudioFormat target) {
		this.source = Objects.requireNonNull(source, "source");
		this.target = Objects.requireNonNull(target, "target");
		this.resampler = (source.sampleRate() != target.sampleRate())
				? new Resampler(source.sampleRate(), target.sampleRate()) : null;
		this.partial = new byte[source.bytesPerSample()];
	}

	private AudioConverter(AudioConverter other) {
		this.source = other.source;
		this.target = other.target;
		this.resampler = (other.resampler != null) ? other.resampler.copy() : null;
		this.partial = other.partial.clone();
		this.partialLength = other.partialLength;
	}

	/**
	 * Returns an independent converter in this one's state, for example to convert a chunk whose
	 * delivery may fail and keep the state unchanged if it does.
	 * @return the copy
	 */
	public AudioConverter copy() {
		return new AudioConverter(this);
	}

	/**
	 * Returns the format of the audio the converter is given.
	 * @return the format
	 */
	public AudioFormat source() {
		return this.source;
	}

	/**
	 * Returns the format of the audio the converter returns.
	 * @return the format
	 */
	public AudioFormat target() {
		return this.target;
	}

	/**
	 * Converts the next chunk.
	 * @param audio audio in the source format, any number of bytes (a partial sample waits for the
	 * next chunk)
	 * @return audio in the target format, possibly empty
	 */
	public byte[] convert(byte[] audio) {
		return convert(audio, 0, audio.length);
	}

	/**
	 * Converts the next chunk from a range of an array.
	 * @param audio the array
	 * @param offset the first byte
	 * @param length the number of bytes
	 * @return audio in the target format, possibly empty
	 */
	public byte[] convert(byte[] audio, int offset, int length) {
		Objects.checkFromIndexSize(offset, length, audio.length);
		short[] samples = decode(audio, offset, length);
		return encode((this.resampler != null) ? this.resampler.process(samples, 0, samples.length) : samples);
	}

	/**
	 * Ends a piece of audio: returns what the resampler held back and starts afresh, so the next
	 * chunk begins a new piece. A trailing partial sample is dropped.
	 * @return audio in the target format, possibly empty
	 */
	public byte[] flush() {
		this.partialLength = 0;
		if (this.resampler == null) {
			return new byte[0];
		}
		short[] samples = this.resampler.flushSamples();
		return encode(samples);
	}

	/**
	 * Forgets everything received so far without returning it, for example when playback was
	 * cleared for a barge-in.
	 */
	public void reset() {
		this.partialLength = 0;
		if (this.resampler != null) {
			this.resampler.reset();
		}
	}

	private short[] decode(byte[] audio, int offset, int length) {
		int width = this.source.bytesPerSample();
		short[] samples = new short[(this.partialLength + length) / width];
		int count = 0;
		int index = offset;
		int end = offset + length;
		while (this.partialLength > 0 && index < end) {
			this.partial[this.partialLength++] = audio[index++];
			if (this.partialLength == width) {
				samples[count++] = decodeSample(this.partial, 0);
				this.partialLength = 0;
			}
		}
		while (index + width <= end) {
			samples[count++] = decodeSample(audio, index);
			index += width;
		}
		while (index < end) {
			this.partial[this.partialLength++] = audio[index++];
		}
		return (count == samples.length) ? samples : Arrays.copyOf(samples, count);
	}

	private short decodeSample(byte[] audio, int index) {
		return switch (this.source.encoding()) {
			case PCM_S16LE -> (short) ((audio[index] & 0xFF) | (audio[index + 1] << 8));
			case MULAW -> G711.muLawToLinear(audio[index]);
			case ALAW -> G711.aLawToLinear(audio[index]);
		};
	}

	private byte[] encode(short[] samples) {
		AudioEncoding encoding = this.target.encoding();
		byte[] out = new byte[samples.length * encoding.bytesPerSample()];
		for (int i = 0; i < samples.length; i++) {
			switch (encoding) {
				case PCM_S16LE -> {
					out[2 * i] = (byte) samples[i];
					out[2 * i + 1] = (byte) (samples[i] >> 8);
				}
				case MULAW -> out[i] = G711.linearToMuLaw(samples[i]);
				case ALAW -> out[i] = G711.linearToALaw(samples[i]);
			}
		}
		return out;
	}

	@Override
	public String toString() {
		return "AudioConverter[" + this.source + " -> " + this.target + "]";
	}

}
