package io.telcoflow.benchmarks.jmh;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.telcoflow.client.internal.audio.InboundAudioStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Handing an inbound frame to the call's audio stream and taking it out again (one thread; the
 * cross-thread wake-up is what the load harness measures).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InboundAudioStreamBenchmark {

	private final InboundAudioStream stream = new InboundAudioStream(500, (size) -> {
	});

	private final byte[] frame = new byte[960];

	/**
	 * Offers one frame, as the media reader does, and polls it.
	 * @return the frame
	 */
	@Benchmark
	public byte[] offerThenPoll() {
		this.stream.offer(this.frame);
		return this.stream.poll(Duration.ZERO);
	}

	/**
	 * Copies a frame out of the socket's buffer and offers it (what the reader thread does per
	 * inbound frame), then polls it.
	 * @return the frame
	 */
	@Benchmark
	public byte[] copyOfferThenPoll() {
		this.stream.offer(this.frame.clone());
		return this.stream.poll(Duration.ZERO);
	}

}
