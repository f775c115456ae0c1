package io.telcoflow.audio.wav;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.telcoflow.audio.AudioFormat;

/**
 * Reads WAV files of mono 16-bit PCM, μ-law or A-law audio. Chunks other than {@code fmt } and
 * {@code data} are skipped; a data chunk whose size is unknown (0 or -1, as streaming writers
 * leave it) or larger than the file is read to the end of the stream.
 */
public final class WavReader {

	private WavReader() {
	}

	/**
	 * Reads a WAV file.
	 * @param file the file
	 * @return the audio
	 * @throws IOException when the file cannot be read or is not a supported WAV file
	 */
	public static WavAudio read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in);
		}
	}

	/**
	 * Reads a whole WAV stream; the stream is not closed.
	 * @param in the stream
	 * @return the audio
	 * @throws IOException when the stream cannot be read or is not a supported WAV file
	 */
	public static WavAudio read(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(in);
		ByteBuffer riff = read(data, 12, "RIFF header");
		if (riff.getInt(0) != WavFormat.RIFF || riff.getInt(8) != WavFormat.WAVE) {
			throw new IOException("Not a WAV file (no RIFF/WAVE header)");
		}
		AudioFormat format = null;
		while (true) {
			ByteBuffer header = read(data, 8, "data chunk");
			int id = header.getInt(0);
			long size = header.getInt(4) & 0xFFFFFFFFL;
			if (id == WavFormat.FMT) {
				if (size < 16 || size > 1024) {
					throw new IOException("WAV fmt chunk has an invalid size of " + size + " bytes");
				}
				ByteBuffer fmt = read(data, (int) (size + (size & 1)), "fmt chunk");
				format = WavFormat.format(fmt.getShort(0) & 0xFFFF, fmt.getShort(2), fmt.getInt(4), fmt.getShort(14));
			}
			else if (id == WavFormat.DATA) {
				if (format == null) {
					throw new IOException("WAV data chunk before its fmt chunk");
				}
				byte[] samples = (size == 0 || size == 0xFFFFFFFFL) ? data.readAllBytes() : readUpTo(data, size);
				int whole = samples.length - samples.length % format.bytesPerSample();
				return new WavAudio(format, (whole == samples.length) ? samples : Arrays.copyOf(samples, whole));
			}
			else {
				data.skipNBytes(size + (size & 1));
			}
		}
	}

	private static byte[] readUpTo(InputStream in, long size) throws IOException {
		if (size > Integer.MAX_VALUE - 8) {
			throw new IOException("WAV data chunk of " + size + " bytes is too large to read into memory");
		}
		return in.readNBytes((int) size);
	}

	private static ByteBuffer read(DataInputStream in, int length, String what) throws IOException {
		byte[] bytes = new byte[length];
		try {
			in.readFully(bytes);
		}
		catch (EOFException ex) {
			throw new IOException("WAV file ends before its " + what, ex);
		}
		return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
	}

}
