package io.telcoflow.benchmarks.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import io.telcoflow.audio.codec.G711;

/**
 * Counts where other G.711 implementations differ from telcoflow-audio's (bit-exact with ITU-T
 * G.191): the JDK's {@code javax.sound.sampled} conversion and SoX (needs {@code sox} on the
 * path), for all 65,536 sample values (encoding) and all 256 codes (decoding). Run with
 * {@code run.sh g711}.
 */
public final class G711Comparison {

	private G711Comparison() {
	}

	/**
	 * Prints the counts.
	 * @param args unused
	 * @throws Exception when a converter cannot be run
	 */
	public static void main(String[] args) throws Exception {
		byte[] allSamples = new byte[65536 * 2];
		for (int i = 0; i < 65536; i++) {
			short sample = (short) (i - 32768);
			allSamples[2 * i] = (byte) sample;
			allSamples[2 * i + 1] = (byte) (sample >> 8);
		}
		byte[] allCodes = new byte[256];
		for (int i = 0; i < 256; i++) {
			allCodes[i] = (byte) i;
		}
		System.out.println("| implementation | μ-law encode | μ-law decode | A-law encode | A-law decode |");
		System.out.println("|---|---|---|---|---|");
		System.out.printf("| javax.sound.sampled | %s | %s | %s | %s |%n",
				encodeDiff(javaSoundEncode(allSamples, Encoding.ULAW), true),
				decodeDiff(javaSoundDecode(allCodes, Encoding.ULAW), true),
				encodeDiff(javaSoundEncode(allSamples, Encoding.ALAW), false),
				decodeDiff(javaSoundDecode(allCodes, Encoding.ALAW), false));
		Path work = Files.createTempDirectory("g711");
		System.out.printf("| SoX | %s | %s | %s | %s |%n", encodeDiff(soxEncode(work, allSamples, "u-law"), true),
				decodeDiff(soxDecode(work, allCodes, "u-law"), true), encodeDiff(soxEncode(work, allSamples, "a-law"), false),
				decodeDiff(soxDecode(work, allCodes, "a-law"), false));
	}

	private static String encodeDiff(byte[] codes, boolean muLaw) {
		int oneStep = 0;
		int other = 0;
		for (int i = 0; i < 65536; i++) {
			short sample = (short) (i - 32768);
			int ours = (muLaw ? G711.linearToMuLaw(sample) : G711.linearToALaw(sample)) & 0xFF;
			int theirs = codes[i] & 0xFF;
			if (ours != theirs) {
				boolean sameSign = (ours & 0x80) == (theirs & 0x80);
				if (sameSign && Math.abs(magnitude(ours, muLaw) - magnitude(theirs, muLaw)) == 1) {
					oneStep++;
				}
				else {
					other++;
				}
			}
		}
		return (oneStep + other == 0) ? "identical"
				: (oneStep + other) + " samples differ: " + oneStep + " by one step, " + other + " by more";
	}

	/** The quantisation level of a code, 0 to 127, without its sign. */
	private static int magnitude(int code, boolean muLaw) {
		return muLaw ? 127 - (code & 0x7F) : (code ^ 0x55) & 0x7F;
	}

	private static String decodeDiff(byte[] pcm, boolean muLaw) {
		int differ = 0;
		for (int i = 0; i < 256; i++) {
			short theirs = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
			short ours = muLaw ? G711.muLawToLinear((byte) i) : G711.aLawToLinear((byte) i);
			differ += (theirs != ours) ? 1 : 0;
		}
		return (differ == 0) ? "identical" : differ + " codes differ";
	}

	private static byte[] javaSoundEncode(byte[] pcm, Encoding encoding) throws IOException {
		javax.sound.sampled.AudioFormat source = new javax.sound.sampled.AudioFormat(8000, 16, 1, true, false);
		javax.sound.sampled.AudioFormat target = new javax.sound.sampled.AudioFormat(encoding, 8000, 8, 1, 1, 8000, false);
		try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), source, pcm.length / 2);
				AudioInputStream out = AudioSystem.getAudioInputStream(target, in)) {
			return out.readAllBytes();
		}
	}

	private static byte[] javaSoundDecode(byte[] codes, Encoding encoding) throws IOException {
		javax.sound.sampled.AudioFormat source = new javax.sound.sampled.AudioFormat(encoding, 8000, 8, 1, 1, 8000, false);
		javax.sound.sampled.AudioFormat target = new javax.sound.sampled.AudioFormat(8000, 16, 1, true, false);
		try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(codes), source, codes.length);
				AudioInputStream out = AudioSystem.getAudioInputStream(target, in)) {
			return out.readAllBytes();
		}
	}

	private static byte[] soxEncode(Path work, byte[] pcm, String encoding) throws Exception {
		Path in = work.resolve("in.raw");
		Path out = work.resolve("out.raw");
		Files.write(in, pcm);
		sox("-D", "-t", "raw", "-r", "8000", "-e", "signed", "-b", "16", "-c", "1", in.toString(), "-t", "raw", "-e",
				encoding, "-b", "8", out.toString());
		return Files.readAllBytes(out);
	}

	private static byte[] soxDecode(Path work, byte[] codes, String encoding) throws Exception {
		Path in = work.resolve("in.raw");
		Path out = work.resolve("out.raw");
		Files.write(in, codes);
		sox("-D", "-t", "raw", "-r", "8000", "-e", encoding, "-b", "8", "-c", "1", in.toString(), "-t", "raw", "-e",
				"signed", "-b", "16", out.toString());
		return Files.readAllBytes(out);
	}

	private static void sox(String... args) throws Exception {
		String[] command = new String[args.length + 1];
		command[0] = "sox";
		System.arraycopy(args, 0, command, 1, args.length);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String messages = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IOException("sox failed: " + messages);
		}
	}

}
