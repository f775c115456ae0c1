package io.telcoflow.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * What the caller says: PCM signed 16-bit little-endian mono at the session's sample rate. Tones
 * and silence are generated at whatever rate the session uses; a WAV must already have that rate
 * (the simulator does not resample, it refuses with a clear message).
 */
public final class CallerAudio {

	private final String description;

	private final IntFunction<byte[]> renderer;

	private CallerAudio(String description, IntFunction<byte[]> renderer) {
		this.description = description;
		this.renderer = renderer;
	}

	/**
	 * Raw PCM, played as is whatever the sample rate.
	 * @param pcm PCM s16le mono; an odd trailing byte is dropped
	 * @return the audio
	 */
	public static CallerAudio pcm(byte[] pcm) {
		byte[] copy = java.util.Arrays.copyOf(pcm, pcm.length - (pcm.length % 2));
		return new CallerAudio("pcm(" + copy.length + " bytes)", (rate) -> copy);
	}

	/**
	 * A WAV stream (PCM 16-bit mono), read at once; the header is stripped.
	 * @param wav the stream, not closed
	 * @return the audio
	 * @throws IllegalArgumentException when it is not PCM 16-bit mono
	 */
	public static CallerAudio wav(InputStream wav) {
		try {
			return fromWav(WavFile.read(wav, "WAV stream"), "WAV stream");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A WAV file (PCM 16-bit mono).
	 * @param wav the file
	 * @return the audio
	 * @throws IllegalArgumentException when it is not PCM 16-bit mono
	 */
	public static CallerAudio wav(Path wav) {
		try {
			return fromWav(WavFile.parse(Files.readAllBytes(wav), wav.toString()), wav.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A WAV classpath resource (PCM 16-bit mono).
	 * @param classpathResource the resource name, as for {@link ClassLoader#getResource(String)}
	 * (a leading {@code /} is ignored)
	 * @return the audio
	 * @throws IllegalArgumentException when it is missing or not PCM 16-bit mono
	 */
	public static CallerAudio wav(String classpathResource) {
		String name = classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		if (loader == null) {
			loader = CallerAudio.class.getClassLoader();
		}
		try (InputStream in = loader.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalArgumentException("classpath resource " + name + " not found");
			}
			return fromWav(WavFile.read(in, name), name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CallerAudio fromWav(WavFile.Content content, String name) {
		return new CallerAudio("wav(" + name + ", " + content.sampleRate() + " Hz)", (rate) -> {
			if (rate != content.sampleRate()) {
				throw new IllegalArgumentException("Caller audio " + name + " is " + content.sampleRate()
						+ " Hz but the session uses " + rate + " Hz; the simulator does not resample, "
						+ "provide a WAV at " + rate + " Hz");
			}
			return content.pcm();
		});
	}

	/**
	 * A sine tone.
	 * @param hertz the frequency
	 * @param duration how long it lasts
	 * @return the audio
	 */
	public static CallerAudio tone(int hertz, Duration duration) {
		Objects.requireNonNull(duration, "duration");
		return new CallerAudio("tone(" + hertz + " Hz, " + duration + ")", (rate) -> {
			int samples = samples(rate, duration);
			byte[] pcm = new byte[samples * 2];
			for (int i = 0; i < samples; i++) {
				short value = (short) Math.round(Math.sin(2 * Math.PI * hertz * i / rate) * 8000);
				pcm[2 * i] = (byte) value;
				pcm[2 * i + 1] = (byte) (value >> 8);
			}
			return pcm;
		});
	}

	/**
	 * Silence.
	 * @param duration how long it lasts
	 * @return the audio
	 */
	public static CallerAudio silence(Duration duration) {
		Objects.requireNonNull(duration, "duration");
		return new CallerAudio("silence(" + duration + ")", (rate) -> new byte[samples(rate, duration) * 2]);
	}

	/**
	 * Several pieces one after the other.
	 * @param parts the pieces
	 * @return the audio
	 */
	public static CallerAudio sequence(CallerAudio... parts) {
		List<CallerAudio> list = List.of(parts);
		return new CallerAudio("sequence" + list, (rate) -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			for (CallerAudio part : list) {
				out.writeBytes(part.render(rate));
			}
			return out.toByteArray();
		});
	}

	private static int samples(int rate, Duration duration) {
		return (int) (duration.toNanos() * rate / 1_000_000_000L);
	}

	/**
	 * Renders this audio as PCM at a sample rate.
	 * @param sampleRate the session's sample rate
	 * @return PCM s16le mono
	 * @throws IllegalArgumentException when a WAV has another rate
	 */
	public byte[] render(int sampleRate) {
		return this.renderer.apply(sampleRate);
	}

	@Override
	public String toString() {
		return this.description;
	}

}
