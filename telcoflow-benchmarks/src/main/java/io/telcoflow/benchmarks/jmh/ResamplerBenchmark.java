package io.telcoflow.benchmarks.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.Signals;
import io.telcoflow.audio.codec.G711;
import io.telcoflow.audio.resample.Resampler;
import io.telcoflow.audio.vad.EnergyVoiceActivityDetector;
import io.telcoflow.audio.vad.VoiceActivityEvent;
import io.telcoflow.benchmarks.audio.LinearInterpolation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One 20 ms chunk of a call's audio through telcoflow-audio, one stream per thread. A stream in
 * real time needs 50 chunks per second, so streams per core = 20 ms / (time per chunk). The
 * baseline in the same run is {@link #baselineLinearInterpolation()}: the naive 24 k → 16 k
 * converter (no filter, aliasing included) that peers' handlers write by hand.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResamplerBenchmark {

	private final byte[] chunk24k = Signals.toBytes(Signals.randomSignal(new Random(1), 24_000, 480));

	private final byte[] chunk16k = Signals.toBytes(Signals.randomSignal(new Random(2), 16_000, 320));

	private final byte[] chunkMuLaw8k = G711.encodeMuLaw(Signals.toBytes(Signals.randomSignal(new Random(3), 8000, 160)));

	private final Resampler to16k = new Resampler(24_000, 16_000);

	private final Resampler to8k = new Resampler(24_000, 8000);

	private final Resampler from16k = new Resampler(16_000, 24_000);

	private final AudioConverter fromMuLaw8k = new AudioConverter(AudioFormat.MULAW_8K, AudioFormat.PCM_24K);

	private final AudioConverter toMuLaw8k = new AudioConverter(AudioFormat.PCM_24K, AudioFormat.MULAW_8K);

	private final EnergyVoiceActivityDetector detector = EnergyVoiceActivityDetector.builder(24_000).build();

	/**
	 * 24 kHz → 16 kHz (the call to a speech-to-text model).
	 * @return the 16 kHz chunk
	 */
	@Benchmark
	public byte[] resample24kTo16k() {
		return this.to16k.process(this.chunk24k);
	}

	/**
	 * 24 kHz → 8 kHz.
	 * @return the 8 kHz chunk
	 */
	@Benchmark
	public byte[] resample24kTo8k() {
		return this.to8k.process(this.chunk24k);
	}

	/**
	 * 16 kHz → 24 kHz (text-to-speech at 16 kHz to the call).
	 * @return the 24 kHz chunk
	 */
	@Benchmark
	public byte[] resample16kTo24k() {
		return this.from16k.process(this.chunk16k);
	}

	/**
	 * 8 kHz μ-law → 24 kHz PCM (another telephony system to the call).
	 * @return the 24 kHz chunk
	 */
	@Benchmark
	public byte[] convertMuLaw8kTo24k() {
		return this.fromMuLaw8k.convert(this.chunkMuLaw8k);
	}

	/**
	 * 24 kHz PCM → 8 kHz μ-law (the call to another telephony system).
	 * @return the μ-law chunk
	 */
	@Benchmark
	public byte[] convert24kToMuLaw8k() {
		return this.toMuLaw8k.convert(this.chunk24k);
	}

	/**
	 * The energy voice activity detector on a 20 ms chunk at 24 kHz.
	 * @return the events
	 */
	@Benchmark
	public java.util.List<VoiceActivityEvent> energyVoiceActivity() {
		return this.detector.process(this.chunk24k);
	}

	/**
	 * Baseline: 24 kHz → 16 kHz by linear interpolation, no anti-aliasing filter.
	 * @return the 16 kHz chunk
	 */
	@Benchmark
	public byte[] baselineLinearInterpolation() {
		return LinearInterpolation.from24kTo16k(this.chunk24k);
	}

}
