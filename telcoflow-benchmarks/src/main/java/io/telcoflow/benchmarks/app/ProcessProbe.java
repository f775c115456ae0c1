package io.telcoflow.benchmarks.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.netty.util.internal.PlatformDependent;
import org.jspecify.annotations.Nullable;

/**
 * Answers the harness's questions on standard input, one command a line, with one
 * {@code PROBE ...} line on standard output: {@code heap} (used heap after two full GCs, plus direct memory),
 * {@code dispatch} (offer to handler entry), {@code timer} (the application's own dispatch timer),
 * {@code reset} (forget dispatch samples). Runs on one daemon thread.
 */
public final class ProcessProbe {

	private final DispatchRecorder dispatch;

	private final Supplier<String> timer;

	private ProcessProbe(DispatchRecorder dispatch, Supplier<String> timer) {
		this.dispatch = dispatch;
		this.timer = timer;
	}

	/**
	 * Starts answering commands.
	 * @param dispatch the offer to handler entry samples
	 * @param timer describes the application's own dispatch timer
	 */
	public static void start(DispatchRecorder dispatch, Supplier<String> timer) {
		ProcessProbe probe = new ProcessProbe(dispatch, timer);
		Thread thread = new Thread(probe::serve, "benchmark-probe");
		thread.setDaemon(true);
		thread.start();
		System.out.println("PROBE started");
	}

	private void serve() {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		try {
			String line;
			while ((line = in.readLine()) != null) {
				System.out.println("PROBE " + answer(line.trim()));
			}
		}
		catch (IOException ex) {
			// the harness went away
		}
		// the harness closed our input: it is done with us (exit, so that a flight recording is dumped)
		System.exit(0);
	}

	/**
	 * Direct memory in use: the JDK's direct buffers, plus what Netty allocates outside them.
	 */
	private static long directMemory() {
		long direct = 0;
		for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
			if ("direct".equals(pool.getName())) {
				direct += pool.getMemoryUsed();
			}
		}
		return direct + Math.max(0, PlatformDependent.usedDirectMemory());
	}

	/**
	 * Describes a timer for the {@code timer} answer: its count, its published percentiles and its
	 * maximum, in microseconds.
	 * @param timer the timer, or {@code null}
	 * @return the description, {@code none} without a timer
	 */
	public static String describe(@Nullable Timer timer) {
		if (timer == null) {
			return "none";
		}
		HistogramSnapshot snapshot = timer.takeSnapshot();
		StringBuilder out = new StringBuilder().append(snapshot.count());
		for (ValueAtPercentile value : snapshot.percentileValues()) {
			out.append(' ').append((long) value.value(TimeUnit.MICROSECONDS));
		}
		return out.append(' ').append((long) snapshot.max(TimeUnit.MICROSECONDS)).toString();
	}

	private String answer(String command) {
		switch (command) {
			case "heap":
				System.gc();
				System.gc();
				return "heap " + (ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + directMemory());
			case "dispatch":
				return "dispatch " + this.dispatch.summary();
			case "timer":
				return "timer " + this.timer.get();
			case "reset":
				this.dispatch.reset();
				return "reset";
			default:
				return "unknown " + command;
		}
	}

}
