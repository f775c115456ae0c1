package io.telcoflow.benchmarks.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.Signals;
import io.telcoflow.audio.vad.EnergyVoiceActivityDetector;
import io.telcoflow.audio.vad.VoiceActivityEvent;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavReader;

/**
 * Measures the energy voice activity detector on a labelled set generated here: sentences spoken
 * by {@code espeak-ng} (needed on the path), separated by 1 to 2.5 s of silence, with white or
 * pink noise added at 20, 10 and 0 dB SNR, at 16 kHz.
 * <p>
 * Labels, per 10 ms frame of the clean speech: speech where a frame is within 35 dB of its
 * sentence's loudest frame, with pauses shorter than 300 ms inside a sentence filled (what a
 * listener calls one stretch of speech). The detector's decision per frame is "between a start
 * event's time and the next end event's time". Reported: recall (labelled speech frames detected),
 * false positives on 60 s of the same noise alone, and false positives in the pauses between
 * sentences (beyond the detector's 550 ms minimum silence after each sentence, which it holds by
 * design). Run with {@code run.sh vad}; the seed is fixed so runs are comparable.
 */
public final class VadEvaluation {

	private static final int RATE = 16_000;

	private static final int FRAME = RATE / 100;

	private static final String[] SENTENCES = { "Hello, you have reached the front desk. How can I help you today?",
			"I would like to book a table for four people on Friday evening.",
			"Could you tell me when the invoice for last month will arrive?", "Yes, that works for me, thank you.",
			"My account number is seven four two, nine nine one.", "Please call me back after three o'clock.",
			"I am not sure. Let me check my calendar and get back to you.",
			"The delivery was supposed to arrive yesterday, but nothing came.",
			"Can I speak to someone in the billing department?", "No, that is all. Have a nice day.",
			"I moved house last week, so my address has changed.", "Is there parking near the hotel?",
			"We need two rooms with a view of the sea, if possible.", "Sorry, could you repeat that?",
			"The password reset link does not work on my phone.", "Thanks, goodbye." };

	private VadEvaluation() {
	}

	/**
	 * Prints a Markdown table of recall and false positives per noise and SNR.
	 * @param args unused
	 * @throws Exception when espeak-ng cannot be run
	 */
	public static void main(String[] args) throws Exception {
		Path work = Files.createTempDirectory("vad-evaluation");
		Random random = new Random(13);
		List<short[]> sentences = new ArrayList<>();
		for (int i = 0; i < SENTENCES.length; i++) {
			sentences.add(speak(work.resolve("s" + i + ".wav"), SENTENCES[i]));
		}
		Track track = Track.build(sentences, random);
		System.out.printf("labelled set: %d sentences, %.1f s, %.1f s of it speech%n%n", sentences.size(),
				track.clean.length / (double) RATE, track.speechFrames() / 100.0);
		System.out.println("| noise | SNR | recall | false positives, noise only | false positives, pauses |");
		System.out.println("|---|---|---|---|---|");
		for (String noise : new String[] { "white", "pink" }) {
			for (int snr : new int[] { 20, 10, 0 }) {
				double noiseRms = Math.sqrt(track.speechPower() / Math.pow(10, snr / 10.0));
				short[] noisy = mix(track.clean, noise(noise, noiseRms, track.clean.length, new Random(snr)));
				boolean[] detected = detect(noisy);
				short[] noiseOnly = mix(new short[60 * RATE], noise(noise, noiseRms, 60 * RATE, new Random(100 + snr)));
				boolean[] onNoise = detect(noiseOnly);
				System.out.printf("| %s | %d dB | %.1f %% | %.2f %% | %.2f %% |%n", noise, snr, 100 * track.recall(detected),
						100 * fraction(onNoise), 100 * track.pauseFalsePositives(detected));
			}
		}
	}

	private static short[] speak(Path file, String text) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("espeak-ng", "-v", "en-us", "-s", "165", "-w", file.toString(), text)
			.redirectErrorStream(true)
			.start();
		String messages = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IOException("espeak-ng failed: " + messages);
		}
		WavAudio audio = WavReader.read(file);
		AudioConverter converter = new AudioConverter(audio.format(), AudioFormat.pcm(RATE));
		ByteArrayOutputStream pcm = new ByteArrayOutputStream();
		pcm.writeBytes(converter.convert(audio.data()));
		pcm.writeBytes(converter.flush());
		return Signals.toSamples(pcm.toByteArray());
	}

	private static double[] noise(String kind, double rms, int length, Random random) {
		double[] noise = new double[length];
		double b0 = 0;
		double b1 = 0;
		double b2 = 0;
		double power = 0;
		for (int i = 0; i < length; i++) {
			double white = random.nextGaussian();
			if (kind.equals("pink")) {
				// Paul Kellet's economy pink filter
				b0 = 0.99765 * b0 + white * 0.0990460;
				b1 = 0.96300 * b1 + white * 0.2965164;
				b2 = 0.57000 * b2 + white * 1.0526913;
				noise[i] = b0 + b1 + b2 + white * 0.1848;
			}
			else {
				noise[i] = white;
			}
			power += noise[i] * noise[i];
		}
		double scale = rms / Math.sqrt(power / length);
		for (int i = 0; i < length; i++) {
			noise[i] *= scale;
		}
		return noise;
	}

	private static short[] mix(short[] clean, double[] noise) {
		short[] out = new short[clean.length];
		for (int i = 0; i < clean.length; i++) {
			out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(clean[i] + noise[i])));
		}
		return out;
	}

	private static boolean[] detect(short[] audio) {
		EnergyVoiceActivityDetector detector = EnergyVoiceActivityDetector.builder(RATE).build();
		boolean[] speech = new boolean[audio.length / FRAME];
		byte[] chunk = new byte[2 * 2 * FRAME];
		long start = -1;
		for (int offset = 0; offset + 2 * FRAME <= audio.length; offset += 2 * FRAME) {
			for (int i = 0; i < 2 * FRAME; i++) {
				chunk[2 * i] = (byte) audio[offset + i];
				chunk[2 * i + 1] = (byte) (audio[offset + i] >> 8);
			}
			for (VoiceActivityEvent event : detector.process(chunk)) {
				long frame = event.time().toMillis() / 10;
				if (event.type() == VoiceActivityEvent.Type.SPEECH_STARTED) {
					start = frame;
				}
				else {
					mark(speech, start, frame);
					start = -1;
				}
			}
		}
		if (start >= 0) {
			mark(speech, start, speech.length);
		}
		return speech;
	}

	private static void mark(boolean[] frames, long from, long to) {
		for (long f = Math.max(0, from); f < Math.min(frames.length, to); f++) {
			frames[(int) f] = true;
		}
	}

	private static double fraction(boolean[] frames) {
		int count = 0;
		for (boolean frame : frames) {
			count += frame ? 1 : 0;
		}
		return (double) count / frames.length;
	}

	/**
	 * The clean speech, scaled to -26 dBFS active level, and its labels.
	 */
	private static final class Track {

		final short[] clean;

		final boolean[] labels;

		/** Frames within the detector's minimum silence after a sentence: not counted as pauses. */
		final boolean[] hangover;

		private Track(short[] clean, boolean[] labels, boolean[] hangover) {
			this.clean = clean;
			this.labels = labels;
			this.hangover = hangover;
		}

		static Track build(List<short[]> sentences, Random random) {
			List<short[]> parts = new ArrayList<>();
			int total = 0;
			for (short[] sentence : sentences) {
				short[] gap = new short[(int) (RATE * (1.0 + 1.5 * random.nextDouble()))];
				parts.add(gap);
				parts.add(sentence);
				total += gap.length + sentence.length;
			}
			parts.add(new short[2 * RATE]);
			total += 2 * RATE;
			double[] track = new double[total];
			boolean[] labels = new boolean[total / FRAME];
			int offset = 0;
			for (int p = 0; p < parts.size(); p++) {
				short[] part = parts.get(p);
				for (int i = 0; i < part.length; i++) {
					track[offset + i] = part[i];
				}
				if (p % 2 == 1) {
					label(part, offset, labels);
				}
				offset += part.length;
			}
			double power = 0;
			int speech = 0;
			for (int f = 0; f < labels.length; f++) {
				if (labels[f]) {
					power += framePower(track, f);
					speech++;
				}
			}
			double scale = 32768 * Math.pow(10, -26 / 20.0) / Math.sqrt(power / speech);
			short[] clean = new short[total];
			for (int i = 0; i < total; i++) {
				clean[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(track[i] * scale)));
			}
			boolean[] hangover = new boolean[labels.length];
			int hangoverFrames = (int) (Duration.ofMillis(550).toMillis() / 10) + 5;
			for (int f = 1; f < labels.length; f++) {
				if (labels[f - 1] && !labels[f]) {
					for (int h = f; h < Math.min(labels.length, f + hangoverFrames); h++) {
						hangover[h] = true;
					}
				}
			}
			return new Track(clean, labels, hangover);
		}

		private static void label(short[] sentence, int offset, boolean[] labels) {
			int first = offset / FRAME;
			int count = sentence.length / FRAME;
			double[] levels = new double[count];
			double peak = -200;
			for (int f = 0; f < count; f++) {
				double sum = 0;
				for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
					sum += (double) sentence[i] * sentence[i];
				}
				levels[f] = 10 * Math.log10(sum / FRAME + 1e-9);
				peak = Math.max(peak, levels[f]);
			}
			int lastSpeech = -1;
			for (int f = 0; f < count && first + f < labels.length; f++) {
				if (levels[f] >= peak - 35) {
					if (lastSpeech >= 0 && f - lastSpeech <= 30) {
						for (int g = lastSpeech + 1; g < f; g++) {
							labels[first + g] = true;
						}
					}
					labels[first + f] = true;
					lastSpeech = f;
				}
			}
		}

		private static double framePower(double[] track, int frame) {
			double sum = 0;
			for (int i = frame * FRAME; i < (frame + 1) * FRAME; i++) {
				sum += track[i] * track[i];
			}
			return sum / FRAME;
		}

		int speechFrames() {
			int count = 0;
			for (boolean label : this.labels) {
				count += label ? 1 : 0;
			}
			return count;
		}

		double speechPower() {
			double power = 0;
			int count = 0;
			for (int f = 0; f < this.labels.length; f++) {
				if (this.labels[f]) {
					double sum = 0;
					for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
						sum += (double) this.clean[i] * this.clean[i];
					}
					power += sum / FRAME;
					count++;
				}
			}
			return power / count;
		}

		double recall(boolean[] detected) {
			int hit = 0;
			int total = 0;
			for (int f = 0; f < this.labels.length && f < detected.length; f++) {
				if (this.labels[f]) {
					total++;
					hit += detected[f] ? 1 : 0;
				}
			}
			return (double) hit / total;
		}

		double pauseFalsePositives(boolean[] detected) {
			int wrong = 0;
			int total = 0;
			for (int f = 0; f < this.labels.length && f < detected.length; f++) {
				if (!this.labels[f] && !this.hangover[f]) {
					total++;
					wrong += detected[f] ? 1 : 0;
				}
			}
			return (double) wrong / total;
		}

	}

}
