package io.telcoflow.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import io.telcoflow.client.internal.protocol.ProtocolCodec;
import io.telcoflow.client.internal.protocol.ServerMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding the text frame that arrives 50 times a second per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProtocolCodecBenchmark {

	private final ProtocolCodec codec = new ProtocolCodec();

	private final String pull = "{\"type\":\"audio.pull\",\"bytes\":960}";

	/**
	 * Decodes one {@code audio.pull}.
	 * @return the message
	 */
	@Benchmark
	public ServerMessage decodeAudioPull() {
		return this.codec.decode(this.pull);
	}

}
