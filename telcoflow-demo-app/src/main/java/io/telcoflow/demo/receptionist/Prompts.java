package io.telcoflow.demo.receptionist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavReader;

/**
 * What the receptionist says, read from the WAV files under {@code audio/} on the classpath
 * (made by {@code scripts/make-audio.sh}).
 *
 * @param greeting the greeting, which offers to take a message or to press 0
 * @param beep the tone before a message
 * @param connecting said before ringing a human
 * @param voicemail said when nobody answered
 * @param goodbye said before hanging up
 */
public record Prompts(WavAudio greeting, WavAudio beep, WavAudio connecting, WavAudio voicemail, WavAudio goodbye) {

	/**
	 * Reads the prompts shipped with the demo.
	 * @return the prompts
	 * @throws UncheckedIOException when a file is missing or not mono 16-bit PCM WAV
	 */
	public static Prompts load() {
		return new Prompts(read("greeting"), read("beep"), read("connecting"), read("voicemail"), read("goodbye"));
	}

	/**
	 * Reads one WAV file under {@code audio/} on the classpath.
	 * @param name the file name without {@code .wav}
	 * @return the audio
	 * @throws UncheckedIOException when the file is missing or not mono 16-bit PCM WAV
	 */
	public static WavAudio read(String name) {
		String path = "audio/" + name + ".wav";
		try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IOException("No " + path + " on the classpath");
			}
			return WavReader.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
	}

}
