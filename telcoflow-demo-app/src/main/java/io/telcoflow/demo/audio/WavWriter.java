package io.telcoflow.demo.audio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Writes s16le mono PCM to a WAV file as it arrives; the sizes in the header are filled in on
 * {@link #close()}. Not thread-safe.
 */
public final class WavWriter implements Closeable {

	private static final int HEADER_BYTES = 44;

	private final Path file;

	private final int sampleRate;

	private final FileChannel channel;

	private long dataBytes;

	private WavWriter(Path file, int sampleRate, FileChannel channel) {
		this.file = file;
		this.sampleRate = sampleRate;
		this.channel = channel;
	}

	/**
	 * Creates (or replaces) a WAV file and writes its header.
	 * @param file the file; its directory must exist
	 * @param sampleRate samples per second
	 * @return the writer
	 * @throws IOException when the file cannot be written
	 */
	public static WavWriter create(Path file, int sampleRate) throws IOException {
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING);
		WavWriter writer = new WavWriter(file, sampleRate, channel);
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
	 * Appends audio.
	 * @param pcm s16le mono PCM at the writer's sample rate
	 * @throws IOException when the file cannot be written
	 */
	public void write(byte[] pcm) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(pcm);
		while (buffer.hasRemaining()) {
			this.channel.write(buffer);
		}
		this.dataBytes += pcm.length;
	}

	/**
	 * Returns how much audio has been written.
	 * @return the duration
	 */
	public Duration duration() {
		return Pcm.duration(this.sampleRate, this.dataBytes);
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
		ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
		header.putInt(WavReader.fourCc("RIFF"));
		header.putInt((int) (36 + this.dataBytes));
		header.putInt(WavReader.fourCc("WAVE"));
		header.putInt(WavReader.fourCc("fmt "));
		header.putInt(16);
		header.putShort((short) 1);
		header.putShort((short) 1);
		header.putInt(this.sampleRate);
		header.putInt(this.sampleRate * Pcm.BYTES_PER_SAMPLE);
		header.putShort((short) Pcm.BYTES_PER_SAMPLE);
		header.putShort((short) 16);
		header.putInt(WavReader.fourCc("data"));
		header.putInt((int) this.dataBytes);
		header.flip();
		long position = 0;
		while (header.hasRemaining()) {
			position += this.channel.write(header, position);
		}
		if (this.channel.position() < HEADER_BYTES) {
			this.channel.position(HEADER_BYTES);
		}
	}

}
