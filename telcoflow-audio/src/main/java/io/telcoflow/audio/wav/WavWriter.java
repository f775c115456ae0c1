package io.telcoflow.audio.wav;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;

import io.telcoflow.audio.AudioEncoding;
import io.telcoflow.audio.AudioFormat;

/**
 * Writes a WAV file as audio arrives (for example a call being recorded); the sizes in the header
 * are filled in on {@link #close()}, so a file whose writer was never closed still plays with
 * most players but reports no length. G.711 files get the {@code fact} chunk the format requires.
 * {@link #toBytes(WavAudio)} writes a whole file in memory. Not thread-safe.
 */
public final class WavWriter implements Closeable {

	private final Path file;

	private final AudioFormat format;

	private final FileChannel channel;

	private long dataBytes;

	private WavWriter(Path file, AudioFormat format, FileChannel channel) {
		this.file = file;
		this.format = format;
		this.channel = channel;
	}

	/**
	 * Creates (or replaces) a WAV file and writes its header.
	 * @param file the file; its directory must exist
	 * @param format the format of the audio that will be written
	 * @return the writer
	 * @throws IOException when the file cannot be written
	 */
	public static WavWriter create(Path file, AudioFormat format) throws IOException {
		Objects.requireNonNull(format, "format");
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING);
		WavWriter writer = new WavWriter(file, format, channel);
		try {
			writer.writeHeader();
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
		return writer;
	}

	/**
	 * Returns a whole WAV file in memory.
	 * @param audio the audio
	 * @return the file's bytes
	 */
	public static byte[] toBytes(WavAudio audio) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(headerSize(audio.format()) + audio.data().length);
		out.writeBytes(header(audio.format(), audio.data().length).array());
		out.writeBytes(audio.data());
		return out.toByteArray();
	}

	/**
	 * Appends audio.
	 * @param audio bytes in the writer's format
	 * @throws IOException when the file cannot be written
	 */
	public void write(byte[] audio) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(audio);
		while (buffer.hasRemaining()) {
			this.channel.write(buffer);
		}
		this.dataBytes += audio.length;
	}

	/**
	 * Returns how much audio has been written.
	 * @return the duration
	 */
	public Duration duration() {
		return this.format.duration(this.dataBytes);
	}

	/**
	 * Returns the file written to.
	 * @return the file
	 */
	public Path file() {
		return this.file;
	}

	/**
	 * Completes the header and closes the file.
	 * @throws IOException when the file cannot be written
	 */
	@Override
	public void close() throws IOException {
		try (this.channel) {
			if (this.channel.isOpen()) {
				writeHeader();
			}
		}
	}

	private void writeHeader() throws IOException {
		ByteBuffer header = header(this.format, this.dataBytes);
		long position = 0;
		while (header.hasRemaining()) {
			position += this.channel.write(header, position);
		}
		if (this.channel.position() < position) {
			this.channel.position(position);
		}
	}

	private static int headerSize(AudioFormat format) {
		// PCM: RIFF (12) + fmt (8 + 16) + data (8); G.711: fmt (8 + 18) and fact (8 + 4)
		return (format.encoding() == AudioEncoding.PCM_S16LE) ? 44 : 58;
	}

	private static ByteBuffer header(AudioFormat format, long dataBytes) {
		boolean pcm = format.encoding() == AudioEncoding.PCM_S16LE;
		int size = headerSize(format);
		ByteBuffer header = WavFormat.little(size);
		header.putInt(WavFormat.RIFF);
		header.putInt((int) Math.min(0xFFFFFFFFL, size - 8 + dataBytes + (dataBytes & 1)));
		header.putInt(WavFormat.WAVE);
		header.putInt(WavFormat.FMT);
		header.putInt(pcm ? 16 : 18);
		header.putShort((short) WavFormat.tag(format.encoding()));
		header.putShort((short) 1);
		header.putInt(format.sampleRate());
		header.putInt(format.bytesPerSecond());
		header.putShort((short) format.bytesPerSample());
		header.putShort((short) (8 * format.bytesPerSample()));
		if (!pcm) {
			header.putShort((short) 0);
			header.putInt(WavFormat.FACT);
			header.putInt(4);
			header.putInt((int) Math.min(0xFFFFFFFFL, dataBytes / format.bytesPerSample()));
		}
		header.putInt(WavFormat.DATA);
		header.putInt((int) Math.min(0xFFFFFFFFL, dataBytes));
		header.flip();
		return header;
	}

}
