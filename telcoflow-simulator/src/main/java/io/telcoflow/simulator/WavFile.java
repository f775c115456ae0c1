package io.telcoflow.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes the only WAV the simulator knows: PCM, 16 bit, mono.
 */
final class WavFile {

	private static final int FORMAT_PCM = 1;

	private static final int FORMAT_EXTENSIBLE = 0xFFFE;

	private WavFile() {
	}

	/**
	 * A parsed WAV: its sample rate and the PCM without header.
	 */
	record Content(int sampleRate, byte[] pcm) {
	}

	static Content read(InputStream in, String name) throws IOException {
		return parse(in.readAllBytes(), name);
	}

	static Content parse(byte[] bytes, String name) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		if (bytes.length < 12 || buffer.getInt(0) != 0x46464952 || buffer.getInt(8) != 0x45564157) {
			throw new IllegalArgumentException(name + " is not a RIFF/WAVE file");
		}
		int position = 12;
		Integer sampleRate = null;
		while (position + 8 <= bytes.length) {
			int chunkId = buffer.getInt(position);
			int chunkSize = buffer.getInt(position + 4);
			int body = position + 8;
			if (chunkId == 0x20746d66) { // "fmt "
				int format = buffer.getShort(body) & 0xFFFF;
				int channels = buffer.getShort(body + 2) & 0xFFFF;
				int rate = buffer.getInt(body + 4);
				int bits = buffer.getShort(body + 14) & 0xFFFF;
				if ((format != FORMAT_PCM && format != FORMAT_EXTENSIBLE) || channels != 1 || bits != 16) {
					throw new IllegalArgumentException(name + " must be PCM 16-bit mono, but is format " + format
							+ ", " + channels + " channel(s), " + bits + " bit");
				}
				sampleRate = rate;
			}
			else if (chunkId == 0x61746164) { // "data"
				if (sampleRate == null) {
					throw new IllegalArgumentException(name + " has its data chunk before the fmt chunk");
				}
				int size = Math.min(chunkSize & 0x7FFFFFFF, bytes.length - body);
				size -= size % 2;
				byte[] pcm = new byte[size];
				System.arraycopy(bytes, body, pcm, 0, size);
				return new Content(sampleRate, pcm);
			}
			position = body + chunkSize + (chunkSize & 1);
		}
		throw new IllegalArgumentException(name + " has no data chunk");
	}

	static void write(Path path, int sampleRate, byte[] pcm) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(44 + pcm.length);
		ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		header.putInt(0x46464952).putInt(36 + pcm.length).putInt(0x45564157);
		header.putInt(0x20746d66).putInt(16).putShort((short) FORMAT_PCM).putShort((short) 1);
		header.putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
		header.putInt(0x61746164).putInt(pcm.length);
		out.write(header.array());
		out.write(pcm);
		Files.write(path, out.toByteArray());
	}

}
