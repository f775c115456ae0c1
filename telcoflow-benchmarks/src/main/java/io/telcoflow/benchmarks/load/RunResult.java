package io.telcoflow.benchmarks.load;

/**
 * The figures of one application at one load.
 * @param kind which application
 * @param calls concurrent calls carried (answered)
 * @param seconds length of the measurement window
 * @param echo the echo measured by the simulator
 * @param cpuMillisPerCallSecond application CPU time per call-second, ms
 * @param harnessCpuPercent CPU of the simulator process in the window, % of one core
 * @param heapPerCallKib heap after GC per live call, KiB (NaN when not measured)
 * @param threads operating system threads of the application
 * @param dispatchP50 offer to handler entry (cross-process, wall clock), ms
 * @param dispatchP99 same, 99th percentile
 * @param mediaOpenP50 offer to the media connection's upgrade request, on the simulator's clock, ms
 * @param mediaOpenP99 same, 99th percentile
 * @param answeredP50 offer to the {@code answer} command, on the simulator's clock, ms
 * @param answeredP99 same, 99th percentile
 * @param timerP50 the starter's {@code telcoflow.handler.dispatch} timer, ms (NaN: none)
 * @param timerP99 same, 99th percentile
 * @param loadAverage the machine's one-minute load average at the end of the window
 */
record RunResult(AppKind kind, int calls, double seconds, EchoStats echo, double cpuMillisPerCallSecond,
		double harnessCpuPercent, double heapPerCallKib, int threads, double dispatchP50, double dispatchP99,
		double mediaOpenP50, double mediaOpenP99, double answeredP50, double answeredP99, double timerP50, double timerP99, double loadAverage) {

	/** Whether the load was carried: underruns at most 0.1 % and echo p99 at most 60 ms. */
	boolean carried() {
		return this.echo.underrunPercent() <= 0.1 && this.echo.p99() <= 60;
	}

	String describe() {
		// the agent's turns are in the same figures (see AgentTurnMeter), under their own names
		String figures = this.kind.isAgent()
				? "turn added latency p50/p99/p99.9=%.2f/%.2f/%.2f ms reply gaps=%d (%.3f%% of %d pulls in replies) "
						+ "turns over 20 ms=%d turns without reply=%d "
				: "echo p50/p99/p99.9=%.2f/%.2f/%.2f ms underruns=%d (%.3f%% of %d pulls) late=%d lost=%d ";
		return String.format(java.util.Locale.ROOT,
				"%-12s calls=%d " + figures
						+ "cpu=%.3f ms/call-s (%.2f%% core/call) sim-cpu=%.0f%% heap/call=%.1f KiB threads=%d "
						+ "dispatch p50/p99=%.1f/%.1f ms offer-to-media p50/p99=%.1f/%.1f ms offer-to-answer p50/p99=%.1f/%.1f ms timer p50/p99=%.1f/%.1f ms load=%.1f",
				this.kind.label(), this.calls, this.echo.p50(), this.echo.p99(), this.echo.p999(), this.echo.underruns(),
				this.echo.underrunPercent(), this.echo.pulls(), this.echo.late(), this.echo.lost(),
				this.cpuMillisPerCallSecond, this.cpuMillisPerCallSecond / 10, this.harnessCpuPercent,
				this.heapPerCallKib, this.threads, this.dispatchP50, this.dispatchP99, this.mediaOpenP50, this.mediaOpenP99, this.answeredP50, this.answeredP99,
				this.timerP50, this.timerP99, this.loadAverage);
	}

}
