package io.telcoflow.spring.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static io.telcoflow.spring.reliability.ReliabilityApplications.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 500 short calls, 25 at a time, through one application: afterwards the live threads, the open
 * file descriptors (sockets) and the heap after a garbage collection return to where they were
 * after a warm-up, within a small tolerance, and no call object stays reachable. The long version (thousands of calls) is the
 * benchmarks module's soak mode.
 */
@EnabledOnOs(OS.LINUX)
class SoakTests {

	private static final Logger logger = LoggerFactory.getLogger(SoakTests.class);

	private static final int CALLS = 500;

	private static final int AT_ONCE = 25;

	/** Pools (the SDK's event threads, Tomcat's WebSocket client I/O) grow with load and shrink when idle. */
	private static final int THREAD_TOLERANCE = 12;

	private static final int FD_TOLERANCE = 8;

	/**
	 * The in-process simulator still holds a few hundred ended calls for a while (about 7 MiB after
	 * 500 calls, by a class histogram); the client's and the starter's classes do not grow at all.
	 */
	private static final long HEAP_TOLERANCE = 16L * 1024 * 1024;

	/** Keeps few ended calls, so that the heap measures mostly the application, not the simulator's records. */
	private static final TelcoflowSimulator simulator = TelcoflowSimulator.builder()
		.retainEndedCalls(AT_ONCE)
		.build()
		.start();

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void threadsSocketsAndHeapReturnToTheirLevelAfterManyCalls() {
		try (ConfigurableApplicationContext context = ReliabilityApplications.start(TestApplication.class, simulator,
				"telcoflow.max-concurrent-calls=" + AT_ONCE)) {
			TelcoflowClient client = context.getBean(TelcoflowClient.class);
			runCalls(AT_ONCE * 2, client);
			Usage before = Usage.now();
			logger.info("Threads before the soak: {}", threadNames());
			runCalls(CALLS, client);
			assertThat(context.getBean(ShortCalls.class).handled).hasValueGreaterThanOrEqualTo(CALLS + AT_ONCE * 2);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Usage after = Usage.now();
				assertThat(after.threads()).as("threads").isLessThanOrEqualTo(before.threads() + THREAD_TOLERANCE);
				assertThat(after.fds()).as("open file descriptors").isLessThanOrEqualTo(before.fds() + FD_TOLERANCE);
				assertThat(after.heap()).as("heap after GC").isLessThanOrEqualTo(before.heap() + HEAP_TOLERANCE);
				assertThat(context.getBean(ShortCalls.class).reachable()).as("calls still reachable").isZero();
			});
			Usage after = Usage.now();
			logger.info("Threads after the soak: {}", threadNames());
			logger.info("Soak of {} calls: threads {} -> {}, open fds {} -> {}, heap after GC {} KiB -> {} KiB", CALLS,
					before.threads(), after.threads(), before.fds(), after.fds(), before.heap() / 1024,
					after.heap() / 1024);
		}
	}

	private static Map<String, Long> threadNames() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.collect(Collectors.groupingBy((thread) -> thread.getName().replaceAll("[0-9]+", "N"), TreeMap::new,
					Collectors.counting()));
	}

	private static void runCalls(int count, TelcoflowClient client) {
		for (int done = 0; done < count; done += AT_ONCE) {
			List<SimulatedCall> batch = IntStream.range(0, Math.min(AT_ONCE, count - done))
				.mapToObj((i) -> simulator.placeCall(
						CallScript.builder().callerAudio(CallerAudio.silence(Duration.ofMillis(60))).build()))
				.toList();
			batch.forEach((call) -> assertThat(call.awaitEnded(WAIT)).isEqualTo("disconnected"));
		}
		await().atMost(WAIT).until(() -> client.getActiveCalls().isEmpty());
	}

	record Usage(int threads, long fds, long heap) {

		static Usage now() {
			System.gc();
			System.gc();
			return new Usage(ManagementFactory.getThreadMXBean().getThreadCount(), openFileDescriptors(),
					ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}

		private static long openFileDescriptors() {
			try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
				return fds.count();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ShortCalls.class)
	static class TestApplication {

	}

	static class ShortCalls {

		private static final byte[] GREETING = new byte[1920];

		final AtomicInteger handled = new AtomicInteger();

		/** Every call handled, weakly: once over, nothing of the SDK or the starter may hold on to one. */
		final Queue<WeakReference<ActiveCall>> calls = new ConcurrentLinkedQueue<>();

		long reachable() {
			return this.calls.stream().filter((call) -> call.get() != null).count();
		}

		@OnIncomingCall
		void greetAndHangUp(ActiveCall call) {
			this.handled.incrementAndGet();
			this.calls.add(new WeakReference<>(call));
			call.answer();
			call.sendAudio(GREETING);
			call.awaitPlayback(WAIT);
			call.disconnect();
		}

	}

}
