package io.telcoflow.benchmarks.stacks;

import java.util.Locale;

/**
 * One stack's figures from one run.
 *
 * @param stack the stack
 * @param tls whether wss://
 * @param connections N
 * @param repeat which repeat (1-based)
 * @param openP50 burst start to open, median (ms)
 * @param openMax burst start to the slowest open (ms)
 * @param failed connections that did not open within 60 s
 * @param burstCpuPerConnection client CPU from the burst's start to its last open, per connection (ms)
 * @param serverBurstCpuPerConnection the server's CPU over the same time, per connection (ms)
 * @param burstThreads the most client threads seen during the burst
 * @param threads client threads during the window
 * @param cpuPerConnectionSecond client CPU per connection-second over the window (ms)
 * @param serverCpuPercent the server process's CPU over the window (% of one core)
 * @param echoP50 echo delay median (ms)
 * @param echoP99 echo delay p99 (ms)
 * @param echoP999 echo delay p99.9 (ms)
 * @param sent frames sent in the window
 * @param lost frames of the window whose echo never came
 * @param cpuPerThousandEchoes client CPU over the window per 1,000 frames it echoed (ms): the cost of
 *        the work done, also when a starved client echoes fewer than 50 frames a second
 * @param heapPerConnection heap after GC with the connections open minus before the burst, per connection (KiB)
 * @param directPerConnection the same for the JDK's direct buffers (KiB)
 * @param nettyDirectPerConnection the same for Netty's own direct memory counter (KiB), NaN for other stacks
 * @param loadAverage the machine's one-minute load average at the window's end
 */
record StackRun(StackKind stack, boolean tls, int connections, int repeat, double openP50, double openMax,
		int failed, double burstCpuPerConnection, double serverBurstCpuPerConnection, int burstThreads, int threads,
		double cpuPerConnectionSecond, double serverCpuPercent, double echoP50, double echoP99, double echoP999,
		long sent, long lost, double cpuPerThousandEchoes, double heapPerConnection, double directPerConnection, double nettyDirectPerConnection,
		double loadAverage) {

	static final String HEADER = "stack\tscheme\tN\trepeat\topenP50ms\topenMaxMs\tfailed\tburstCpuMsPerConn"
			+ "\tserverBurstCpuMsPerConn\tburstThreads\tthreads\tcpuMsPerConnSec\tserverCpuPct\techoP50ms\techoP99ms"
			+ "\techoP999ms\tsent\tlost\tcpuMsPer1000Echoes\theapKiBPerConn\tdirectKiBPerConn\tnettyDirectKiBPerConn\tload1";

	String scheme() {
		return this.tls ? "wss" : "ws";
	}

	/** Heap plus direct memory per connection (Netty's counter where it is larger than the JDK's), KiB. */
	double memoryPerConnection() {
		double direct = Double.isNaN(this.nettyDirectPerConnection) ? this.directPerConnection
				: Math.max(this.directPerConnection, this.nettyDirectPerConnection);
		return this.heapPerConnection + direct;
	}

	String tsv() {
		return String.format(Locale.ROOT,
				"%s\t%s\t%d\t%d\t%.1f\t%.1f\t%d\t%.2f\t%.2f\t%d\t%d\t%.3f\t%.1f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.2f",
				this.stack.id(), scheme(), this.connections, this.repeat, this.openP50, this.openMax, this.failed,
				this.burstCpuPerConnection, this.serverBurstCpuPerConnection, this.burstThreads, this.threads,
				this.cpuPerConnectionSecond, this.serverCpuPercent, this.echoP50, this.echoP99, this.echoP999, this.sent,
				this.lost, this.cpuPerThousandEchoes, this.heapPerConnection, this.directPerConnection, this.nettyDirectPerConnection,
				this.loadAverage);
	}

}
