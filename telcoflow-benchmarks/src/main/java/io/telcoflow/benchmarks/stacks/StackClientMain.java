package io.telcoflow.benchmarks.stacks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import javax.net.ssl.SSLContext;

import io.telcoflow.simulator.SimulatorTls;

/**
 * One stack's client JVM: opens N connections in a burst and echoes every binary message. The read
 * callback hands each message to the application's threads ({@code --echo app}, the default: a
 * listener that does not run on the stack's I/O thread) or echoes from the callback itself
 * ({@code --echo reader}); either way the send is the stack's hand-off to its writer. Answers the
 * harness on standard input, one {@code PROBE ...} line per command, and exits when its input closes.
 * <p>
 * Arguments: {@code stack baseUrl connections echoMode}.
 */
public final class StackClientMain {

	/** The application's threads: the same two for every stack. */
	static final int APPLICATION_THREADS = 2;

	private final EchoStack stack;

	private final StackKind kind;

	private final String baseUrl;

	private final int connections;

	private final boolean echoOnApplicationThread;

	private final ExecutorService application = Executors.newFixedThreadPool(APPLICATION_THREADS,
			Threads.daemon("application"));

	private final AtomicLong echoed = new AtomicLong();

	private final AtomicLong texts = new AtomicLong();

	private final AtomicLong closed = new AtomicLong();

	private final List<EchoConnection> open = new ArrayList<>();

	private final EchoEvents events = new EchoEvents() {

		@Override
		public void binary(EchoConnection connection, byte[] payload) {
			if (StackClientMain.this.echoOnApplicationThread) {
				StackClientMain.this.application.execute(() -> echo(connection, payload));
			}
			else {
				echo(connection, payload);
			}
		}

		@Override
		public void text(String text) {
			StackClientMain.this.texts.incrementAndGet();
		}

		@Override
		public void closed() {
			StackClientMain.this.closed.incrementAndGet();
		}

	};

	private StackClientMain(StackKind kind, String baseUrl, int connections, boolean echoOnApplicationThread) {
		SSLContext ssl = baseUrl.startsWith("wss:") ? SimulatorTls.clientSslContext(null) : null;
		ExecutorService writers = Executors.newFixedThreadPool(2, Threads.daemon("sdk-writer"));
		this.stack = kind.create(ssl, writers);
		this.kind = kind;
		this.baseUrl = baseUrl;
		this.connections = connections;
		this.echoOnApplicationThread = echoOnApplicationThread;
	}

	/**
	 * Runs until standard input closes.
	 * @param args {@code stack baseUrl connections echoMode}
	 * @throws IOException never in practice
	 */
	public static void main(String[] args) throws IOException {
		StackClientMain client = new StackClientMain(StackKind.of(args[0]), args[1], Integer.parseInt(args[2]),
				!"reader".equals(args[3]));
		System.out.println("PROBE ready");
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = in.readLine()) != null) {
			System.out.println("PROBE " + client.answer(line.trim()));
		}
		// the harness is done with us
		Runtime.getRuntime().halt(0);
	}

	private void echo(EchoConnection connection, byte[] payload) {
		connection.send(payload);
		this.echoed.incrementAndGet();
	}

	private String answer(String command) {
		try {
			return switch (command) {
				case "warm" -> "warm " + warm();
				case "connect" -> "connect " + connect();
				case "memory" -> "memory " + memory();
				case "stats" -> "stats " + this.echoed.get() + " " + this.texts.get() + " " + this.closed.get();
				default -> "unknown " + command;
			};
		}
		catch (RuntimeException ex) {
			return command + " failed " + ex.toString().replace('\n', ' ');
		}
	}

	/**
	 * Fifty connections opened, echoing for five seconds, closed: class loading and JIT (TLS records
	 * above all: interpreted AES-GCM is a hundred times slower) before the measured burst.
	 */
	private String warm() {
		List<CompletableFuture<EchoConnection>> futures = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			futures.add(this.stack.open(URI.create(this.baseUrl + "/warm/" + i), this.events));
		}
		int opened = 0;
		List<EchoConnection> warm = new ArrayList<>();
		for (CompletableFuture<EchoConnection> future : futures) {
			try {
				warm.add(future.get(30, TimeUnit.SECONDS));
				opened++;
			}
			catch (Exception ex) {
				// counted as not opened
			}
		}
		pause(5000);
		warm.forEach(EchoConnection::close);
		return Integer.toString(opened);
	}

	/**
	 * Opens every connection at once; answers {@code issueMs openedMsP50 openedMsMax opened failed},
	 * times from the burst's start.
	 */
	private String connect() {
		AtomicLongArray openedAt = new AtomicLongArray(this.connections);
		List<CompletableFuture<EchoConnection>> futures = new ArrayList<>(this.connections);
		long start = System.nanoTime();
		for (int i = 0; i < this.connections; i++) {
			int index = i;
			futures.add(this.stack.open(URI.create(this.baseUrl + "/call/" + i), this.events)
				.whenComplete((connection, failure) -> openedAt.set(index, System.nanoTime() - start)));
		}
		long issued = System.nanoTime() - start;
		int failed = 0;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		for (CompletableFuture<EchoConnection> future : futures) {
			try {
				this.open.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
			catch (Exception ex) {
				if (failed++ == 0) {
					// into the run's log: the first failure says why
					ex.printStackTrace(System.out);
				}
			}
		}
		long[] times = new long[this.connections];
		for (int i = 0; i < times.length; i++) {
			times[i] = openedAt.get(i);
		}
		Arrays.sort(times);
		return String.format(Locale.ROOT, "%.2f %.2f %.2f %d %d", issued / 1e6, times[times.length / 2] / 1e6,
				times[times.length - 1] / 1e6, this.open.size(), failed);
	}

	/** Heap used after two full GCs, the JDK's direct buffers, and Netty's own direct memory (or -1). */
	private String memory() {
		System.gc();
		System.gc();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
			.stream()
			.filter((pool) -> pool.getName().equals("direct"))
			.mapToLong(BufferPoolMXBean::getMemoryUsed)
			.sum();
		// only where Netty runs: asking loads its classes
		return heap + " " + direct + " " + ((this.kind == StackKind.REACTOR_NETTY) ? nettyDirectMemory() : -1);
	}

	private static long nettyDirectMemory() {
		try {
			Class<?> platform = Class.forName("io.netty.util.internal.PlatformDependent");
			return (long) platform.getMethod("usedDirectMemory").invoke(null);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			return -1;
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
