package io.telcoflow.benchmarks.audio;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.Signals;
import io.telcoflow.audio.codec.G711;
import io.telcoflow.audio.resample.Resampler;

/**
 * Real-time streams per core of each conversion, from the CPU time of the measuring thread (so a
 * machine shared with other work inflates it less than wall-clock time does): 60 s of audio in
 * 20 ms chunks, after a warm-up, five rounds, median. The JMH benchmark
 * ({@code ResamplerBenchmark}) measures the same chunks in wall-clock time. Run with
 * {@code run.sh audio-throughput}.
 */
public final class ResamplerThroughput {

	private static final int SECONDS = 60;

	private ResamplerThroughput() {
	}

	/**
	 * Prints streams per core, median of five rounds, for one conversion (each in its own JVM, so
	 * that one conversion's profile does not slow another's compiled code), or the table's header.
	 * @param args the conversion: {@code 24k-16k}, {@code 24k-8k}, {@code 16k-24k}, {@code ulaw8k-24k},
	 * {@code 24k-ulaw8k}, {@code baseline}; none for the header
	 */
	public static void main(String[] args) {
		if (args.length == 0) {
			System.out.println("| conversion (20 ms chunks) | streams per core, median of 5 | CPU per stream |");
			System.out.println("|---|---|---|");
			return;
		}
		byte[] chunk24k = Signals.toBytes(Signals.randomSignal(new Random(1), 24_000, 480));
		byte[] chunk16k = Signals.toBytes(Signals.randomSignal(new Random(2), 16_000, 320));
		byte[] chunkMuLaw = G711.encodeMuLaw(Signals.toBytes(Signals.randomSignal(new Random(3), 8000, 160)));
		switch (args[0]) {
			case "24k-16k" -> measure("24 kHz → 16 kHz", chunk24k, new Resampler(24_000, 16_000)::process);
			case "24k-8k" -> measure("24 kHz → 8 kHz", chunk24k, new Resampler(24_000, 8000)::process);
			case "16k-24k" -> measure("16 kHz → 24 kHz", chunk16k, new Resampler(16_000, 24_000)::process);
			case "ulaw8k-24k" -> measure("8 kHz μ-law → 24 kHz", chunkMuLaw,
					new AudioConverter(AudioFormat.MULAW_8K, AudioFormat.PCM_24K)::convert);
			case "24k-ulaw8k" -> measure("24 kHz → 8 kHz μ-law", chunk24k,
					new AudioConverter(AudioFormat.PCM_24K, AudioFormat.MULAW_8K)::convert);
			case "baseline" -> measure("baseline: 24 kHz → 16 kHz linear interpolation (no filter)", chunk24k,
					LinearInterpolation::from24kTo16k);
			default -> throw new IllegalArgumentException("Unknown conversion " + args[0]);
		}
	}

	private static void measure(String name, byte[] chunk, UnaryOperator<byte[]> convert) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		int chunks = SECONDS * 50;
		long sink = 0;
		for (int i = 0; i < chunks; i++) {
			sink += convert.apply(chunk).length;
		}
		List<Double> streams = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			long start = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < chunks; i++) {
				sink += convert.apply(chunk).length;
			}
			double cpuSeconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
			streams.add(SECONDS / cpuSeconds);
		}
		Collections.sort(streams);
		double median = streams.get(2);
		System.out.printf("| %s | %.0f | %.2f %% of a core |%n", name, median, 100 / median);
		if (sink == 42) {
			System.out.println();
		}
	}

}
