package io.telcoflow.demo;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * Audio made up for tests: tones and silence, s16le mono at 24 kHz.
 */
public final class TestAudio {

	private TestAudio() {
	}

	public static byte[] tone(int hertz, Duration duration, int amplitude) {
		int samples = (int) (FakeCall.SAMPLE_RATE * duration.toMillis() / 1000);
		byte[] pcm = new byte[samples * 2];
		for (int i = 0; i < samples; i++) {
			int sample = (int) Math.round(amplitude * Math.sin(2 * Math.PI * hertz * i / FakeCall.SAMPLE_RATE));
			pcm[2 * i] = (byte) sample;
			pcm[2 * i + 1] = (byte) (sample >> 8);
		}
		return pcm;
	}

	public static byte[] silence(Duration duration) {
		return new byte[(int) (FakeCall.SAMPLE_RATE * duration.toMillis() / 1000) * 2];
	}

	public static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** Index of {@code part} in {@code whole}, or -1. */
	public static int indexOf(byte[] whole, byte[] part) {
		outer: for (int i = 0; i <= whole.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (whole[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
