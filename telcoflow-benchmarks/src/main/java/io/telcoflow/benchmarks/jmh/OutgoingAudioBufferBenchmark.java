package io.telcoflow.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import io.telcoflow.client.internal.audio.OutgoingAudioBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A call's outgoing buffer on the echo path: one 20 ms frame written and pulled, and a second of
 * audio written then cleared (barge-in).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OutgoingAudioBufferBenchmark {

	private final byte[] frame = new byte[960];

	private final byte[] target = new byte[960];

	private OutgoingAudioBuffer buffer = new OutgoingAudioBuffer(1024 * 1024, Runnable::run);

	/**
	 * A fresh empty buffer.
	 */
	@Setup
	public void setUp() {
		this.buffer = new OutgoingAudioBuffer(1024 * 1024, Runnable::run);
	}

	/**
	 * Writes one frame and pulls it (the echo's steady state: the buffer is empty in between).
	 * @return bytes pulled
	 */
	@Benchmark
	public int writeThenPullOneFrame() {
		this.buffer.append(this.frame, 0, this.frame.length);
		return this.buffer.pull(this.target, 960);
	}

	/**
	 * Writes three frames, then pulls them one by one (a small backlog).
	 * @return bytes pulled
	 */
	@Benchmark
	public int writeThreeThenPullThree() {
		for (int i = 0; i < 3; i++) {
			this.buffer.append(this.frame, 0, this.frame.length);
		}
		return this.buffer.pull(this.target, 960) + this.buffer.pull(this.target, 960)
				+ this.buffer.pull(this.target, 960);
	}

	/**
	 * Writes one second of audio (50 frames) and clears it.
	 * @return bytes still buffered (0)
	 */
	@Benchmark
	public int writeOneSecondThenClear() {
		for (int i = 0; i < 50; i++) {
			this.buffer.append(this.frame, 0, this.frame.length);
		}
		this.buffer.clear();
		return this.buffer.size();
	}

}
