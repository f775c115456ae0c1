package io.telcoflow.audio.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import io.telcoflow.audio.AudioEncoding;
import io.telcoflow.audio.AudioFormat;

/**
 * What reader and writer share: chunk ids and the format tags of the encodings.
 */
final class WavFormat {

	static final int TAG_PCM = 1;

	static final int TAG_ALAW = 6;

	static final int TAG_MULAW = 7;

	static final int RIFF = fourCc("RIFF");

	static final int WAVE = fourCc("WAVE");

	static final int FMT = fourCc("fmt ");

	static final int FACT = fourCc("fact");

	static final int DATA = fourCc("data");

	private WavFormat() {
	}

	static int tag(AudioEncoding encoding) {
		return switch (encoding) {
			case PCM_S16LE -> TAG_PCM;
			case ALAW -> TAG_ALAW;
			case MULAW -> TAG_MULAW;
		};
	}

	static AudioFormat format(int tag, int channels, int sampleRate, int bitsPerSample) throws IOException {
		AudioEncoding encoding = switch (tag) {
			case TAG_PCM -> (bitsPerSample == 16) ? AudioEncoding.PCM_S16LE : null;
			case TAG_ALAW -> (bitsPerSample == 8) ? AudioEncoding.ALAW : null;
			case TAG_MULAW -> (bitsPerSample == 8) ? AudioEncoding.MULAW : null;
			default -> null;
		};
		if (encoding == null || channels != 1 || sampleRate <= 0) {
			throw new IOException("Unsupported WAV format: tag " + tag + ", " + channels + " channel(s), " + bitsPerSample
					+ " bits, " + sampleRate + " Hz; supported: mono 16-bit PCM (tag 1), 8-bit A-law (tag 6), "
					+ "8-bit μ-law (tag 7)");
		}
		return new AudioFormat(sampleRate, encoding);
	}

	static ByteBuffer little(int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}

	private static int fourCc(String id) {
		return ByteBuffer.wrap(id.getBytes(StandardCharsets.US_ASCII)).order(ByteOrder.LITTLE_ENDIAN).getInt();
	}

}
