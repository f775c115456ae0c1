package io.telcoflow.demo.receptionist;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.wav.WavWriter;
import io.telcoflow.demo.DemoProperties;
import org.jspecify.annotations.Nullable;

/**
 * Records a caller's message to a WAV file, fed one turn of the audio loop at a time: from a
 * little before the first word (the pre-roll, so that the first syllable is not clipped) until
 * the caller has been silent for a while. The silence that ends the message is not written, the
 * pauses inside it are. If the caller never speaks, no file is left behind. Not thread-safe.
 */
final class MessageRecorder implements Closeable {

	/** Audio kept from before the first word. */
	static final int PRE_ROLL_CHUNKS = 10;

	private final WavWriter wav;

	private final DemoProperties.Receptionist settings;

	private final Duration start;

	private final Deque<byte[]> preRoll;

	private final Deque<byte[]> silence = new ArrayDeque<>();

	private Duration lastSpoke = Duration.ZERO;

	private boolean started;

	/**
	 * Starts waiting for a message.
	 * @param file the WAV file to write
	 * @param sampleRate samples per second
	 * @param settings the end-of-message silence, start timeout and maximum length
	 * @param now the audio loop's clock
	 * @param recent the caller's latest chunks, oldest first, for the pre-roll
	 * @throws IOException when the file cannot be created
	 */
	MessageRecorder(Path file, int sampleRate, DemoProperties.Receptionist settings, Duration now,
			Collection<byte[]> recent) throws IOException {
		this.wav = WavWriter.create(file, AudioFormat.pcm(sampleRate));
		this.settings = settings;
		this.start = now;
		this.preRoll = new ArrayDeque<>(recent);
	}

	/**
	 * Takes one turn of the audio loop.
	 * @param chunk the caller's audio of this turn, if any arrived
	 * @param speaking whether the caller is speaking after it
	 * @param now the audio loop's clock
	 * @return whether the message is over: the caller fell silent, it reached its maximum length,
	 * or it never started
	 * @throws IOException when the file cannot be written
	 */
	boolean accept(byte @Nullable [] chunk, boolean speaking, Duration now) throws IOException {
		if (!this.started) {
			if (chunk != null) {
				this.preRoll.add(chunk);
				while (this.preRoll.size() > PRE_ROLL_CHUNKS) {
					this.preRoll.remove();
				}
			}
			if (!speaking) {
				return elapsed(this.start, now, this.settings.getMessageStartTimeout());
			}
			this.started = true;
			this.lastSpoke = now;
			write(this.preRoll);
			return false;
		}
		if (speaking) {
			write(this.silence);
			this.lastSpoke = now;
			if (chunk != null) {
				this.wav.write(chunk);
			}
		}
		else {
			if (chunk != null) {
				this.silence.add(chunk);
			}
			if (elapsed(this.lastSpoke, now, this.settings.getEndOfMessageSilence())) {
				return true;
			}
		}
		return this.wav.duration().compareTo(this.settings.getMaxMessageLength()) >= 0;
	}

	/**
	 * Returns whether the caller said something.
	 * @return whether a message was recorded
	 */
	boolean hasMessage() {
		return this.started;
	}

	/**
	 * Returns how long the message is.
	 * @return the duration written
	 */
	Duration duration() {
		return this.wav.duration();
	}

	/**
	 * Returns the file.
	 * @return the WAV file (deleted on close if there was no message)
	 */
	Path file() {
		return this.wav.file();
	}

	/**
	 * Completes the file, or deletes it when the caller said nothing.
	 * @throws IOException when the file cannot be written or deleted
	 */
	@Override
	public void close() throws IOException {
		this.wav.close();
		if (!this.started) {
			Files.deleteIfExists(this.wav.file());
		}
	}

	private void write(Deque<byte[]> chunks) throws IOException {
		for (byte[] chunk : chunks) {
			this.wav.write(chunk);
		}
		chunks.clear();
	}

	private static boolean elapsed(Duration since, Duration now, Duration limit) {
		return now.minus(since).compareTo(limit) >= 0;
	}

}
