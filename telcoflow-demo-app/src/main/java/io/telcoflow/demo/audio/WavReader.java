package io.telcoflow.demo.audio;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a WAV file into raw PCM: the server takes no container, so the header must go. Only
 * what the calls carry is accepted: uncompressed, mono, 16-bit.
 */
public final class WavReader {

	private static final int FORMAT_PCM = 1;

	private WavReader() {
	}

	/**
	 * Reads a whole WAV stream; the stream is not closed.
	 * @param in the stream
	 * @return the audio
	 * @throws IOException when the stream cannot be read or is not mono 16-bit PCM WAV
	 */
	public static PcmAudio read(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(in);
		ByteBuffer riff = read(data, 12);
		if (riff.getInt(0) != fourCc("RIFF") || riff.getInt(8) != fourCc("WAVE")) {
			throw new IOException("Not a WAV file (no RIFF/WAVE header)");
		}
		int sampleRate = -1;
		while (true) {
			ByteBuffer chunk;
			try {
				chunk = read(data, 8);
			}
			catch (EOFException ex) {
				throw new IOException("WAV file has no data chunk", ex);
			}
			int id = chunk.getInt(0);
			int size = chunk.getInt(4);
			if (id == fourCc("fmt ")) {
				ByteBuffer fmt = read(data, size + (size & 1));
				short format = fmt.getShort(0);
				short channels = fmt.getShort(2);
				short bits = fmt.getShort(14);
				if (format != FORMAT_PCM || channels != 1 || bits != 16) {
					throw new IOException("Unsupported WAV format " + format + ", " + channels + " channel(s), " + bits
							+ " bits: only PCM mono 16-bit is supported");
				}
				sampleRate = fmt.getInt(4);
			}
			else if (id == fourCc("data")) {
				if (sampleRate < 0) {
					throw new IOException("WAV data chunk before its fmt chunk");
				}
				byte[] pcm = new byte[size & ~1];
				data.readFully(pcm);
				return new PcmAudio(sampleRate, pcm);
			}
			else {
				data.skipNBytes(size + (size & 1));
			}
		}
	}

	private static ByteBuffer read(DataInputStream in, int length) throws IOException {
		byte[] bytes = new byte[length];
		in.readFully(bytes);
		return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
	}

	static int fourCc(String id) {
		return ByteBuffer.wrap(id.getBytes(StandardCharsets.US_ASCII))
			.order(ByteOrder.LITTLE_ENDIAN)
			.getInt();
	}

}
