package io.telcoflow.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.telcoflow.benchmarks.agent.InstantModels;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatorTls;
import io.telcoflow.simulator.TelcoflowSimulator;

/**
 * The load harness: the simulator in this process, the application under test in a child JVM on
 * loopback. Modes: {@code run} (N calls, fresh processes, repeated, SDK and baseline alternately),
 * {@code ramp} (add calls step by step; the capacity is the last step before underruns exceed 0.1 % or
 * echo p99 exceeds 60 ms; the curve goes on until underruns exceed 5 % or the last step) and
 * {@code soak} (N calls for many windows, heap after GC after each). Every loop is bounded by its
 * arguments. See {@link HarnessOptions} for the arguments.
 */
public final class LoadHarness {

	private final HarnessOptions options;

	private boolean failed;

	private LoadHarness(HarnessOptions options) {
		this.options = options;
	}

	/**
	 * Runs the harness.
	 * @param args see {@link HarnessOptions}
	 * @throws Exception when a process cannot be started
	 */
	public static void main(String[] args) throws Exception {
		HarnessOptions options = HarnessOptions.parse(args);
		LoadHarness harness = new LoadHarness(options);
		switch (options.mode()) {
			case "run" -> harness.runs();
			case "ramp" -> harness.ramps();
			case "soak" -> harness.soak();
			default -> throw new IllegalArgumentException("Unknown mode " + options.mode());
		}
		System.exit(harness.failed ? 1 : 0);
	}

	private void runs() throws IOException {
		List<List<RunResult>> byKind = new ArrayList<>();
		for (AppKind kind : this.options.apps()) {
			byKind.add(new ArrayList<>());
		}
		for (int repeat = 1; repeat <= this.options.repeat(); repeat++) {
			for (int k = 0; k < this.options.apps().size(); k++) {
				AppKind kind = this.options.apps().get(k);
				RunResult result = fixedLoad(kind, this.options.calls(), repeat);
				byKind.get(k).add(result);
				report("run " + repeat + ": " + result.describe());
			}
		}
		List<RunResult> medians = byKind.stream().map(Medians::of).toList();
		for (RunResult median : medians) {
			report("median of " + this.options.repeat() + ": " + median.describe());
		}
		RunResult baseline = medians.stream().filter((median) -> !median.kind().isSdk()).findFirst().orElse(null);
		if (baseline != null) {
			medians.stream()
				.filter((median) -> median.kind().isSdk() && !median.kind().isAgent())
				.forEach((sdk) -> report(Medians.table(sdk, baseline, this.options.label())));
		}
		medians.stream()
			.filter((median) -> median.kind().isAgent())
			.forEach((agent) -> report(Medians.agentTable(agent,
					medians.stream().filter((median) -> !median.kind().isAgent()).toList(), this.options.label())));
		for (List<RunResult> runs : byKind) {
			for (RunResult run : runs) {
				// the live loop drops what waited beyond its bound by design: only an absent echo fails it
				boolean losesByDesign = run.kind() == AppKind.SDK_LIVE;
				if (run.echo().pulls() == 0 || (!losesByDesign && run.echo().lost() * 100 > run.echo().sent())) {
					report("FAILED: " + run.kind() + " did not echo the calls (" + run.echo() + ")");
					this.failed = true;
				}
			}
		}
	}

	private RunResult fixedLoad(AppKind kind, int calls, int repeat) throws IOException {
		LoadMeter meter = meter(kind);
		try (TelcoflowSimulator sim = simulator(meter);
				AppProcess app = startApp(kind, sim, "run-" + kind.label() + "-" + calls + "-" + repeat)) {
			sim.awaitReadySessions(1, Duration.ofSeconds(60));
			if (this.options.burst()) {
				warmUp(sim, app);
			}
			long heapBefore = app.heapAfterGc();
			List<SimulatedCall> placed = new ArrayList<>();
			placeCalls(kind, sim, placed, calls);
			RunResult result = measure(kind, app, meter, placed, true, heapBefore);
			hangUp(sim, placed);
			return result;
		}
	}

	/** How close together the simulator offered a burst's calls (known once they are answered). */
	private void reportBurst(List<SimulatedCall> placed, int count) {
		if (this.options.burst() && count > 1) {
			List<Instant> offers = placed.subList(placed.size() - count, placed.size())
				.stream()
				.map((call) -> call.record().offeredAt())
				.filter(java.util.Objects::nonNull)
				.sorted()
				.toList();
			if (!offers.isEmpty()) {
				report("burst: " + offers.size() + " offers within "
						+ Duration.between(offers.get(0), offers.get(offers.size() - 1)).toMillis() + " ms");
			}
		}
	}

	/**
	 * Before a burst: 20 calls of a few seconds, paced, so that the burst meets an application whose
	 * code has been compiled (a failover's burst meets a running instance, not a cold one).
	 */
	private void warmUp(TelcoflowSimulator sim, AppProcess app) {
		List<SimulatedCall> warm = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			warm.add(sim.placeCall(CallScript.builder()
				.callerAudio(CallerAudio.silence(Duration.ofSeconds(1)))
				.repeatAudio(true)
				.hangUpAfter(Duration.ofSeconds(3))
				.build()));
			sleep(Duration.ofMillis(50));
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline && !warm.stream().allMatch(SimulatedCall::isEnded)) {
			sleep(Duration.ofMillis(100));
		}
		app.ask("reset", Duration.ofSeconds(10));
	}

	private void ramps() throws IOException {
		List<String> capacities = new ArrayList<>();
		for (AppKind kind : this.options.apps()) {
			LoadMeter meter = meter(kind);
			int capacity = 0;
			int underrunCapacity = 0;
			boolean failed = false;
			boolean underrunFailed = false;
			try (TelcoflowSimulator sim = simulator(meter); AppProcess app = startApp(kind, sim, "ramp-" + kind.label())) {
				sim.awaitReadySessions(1, Duration.ofSeconds(60));
				List<SimulatedCall> placed = new ArrayList<>();
				for (int calls = this.options.rampStart(); calls <= this.options.rampMax(); calls += this.options.rampStep()) {
					app.ask("reset", Duration.ofSeconds(10));
					int before = placed.size();
					if (!placeCalls(kind, sim, placed, calls - placed.size())) {
						report("ramp " + kind + ": calls not answered within the time limit at " + calls);
						break;
					}
					RunResult step = measure(kind, app, meter, placed, placed.subList(before, placed.size()), false, 0);
					report("ramp step: " + step.describe() + (step.carried() ? "" : " NOT CARRIED"));
					failed |= !step.carried();
					if (!failed) {
						capacity = calls;
					}
					underrunFailed |= step.echo().underrunPercent() > 0.1;
					if (!underrunFailed) {
						underrunCapacity = calls;
					}
					// past the capacity the curve goes on while the application still keeps up roughly
					if (step.echo().underrunPercent() > 5) {
						break;
					}
				}
				hangUp(sim, placed);
			}
			capacities.add(kind + " capacity " + capacity
					+ " calls (largest step such that it and every smaller step had underruns <= 0.1 % and echo p99 <= 60 ms); "
					+ underrunCapacity + " calls by the underrun rule alone");
		}
		capacities.forEach(this::report);
	}

	private void soak() throws IOException {
		for (AppKind kind : this.options.apps()) {
			LoadMeter meter = meter(kind);
			try (TelcoflowSimulator sim = simulator(meter); AppProcess app = startApp(kind, sim, "soak-" + kind.label())) {
				sim.awaitReadySessions(1, Duration.ofSeconds(60));
				long heapBefore = app.heapAfterGc();
				List<SimulatedCall> placed = new ArrayList<>();
				placeCalls(kind, sim, placed, this.options.calls());
				for (int window = 1; window <= this.options.repeat(); window++) {
					RunResult result = measure(kind, app, meter, placed, true, heapBefore);
					report("soak window " + window + " (" + (int) (window * (this.options.seconds() + this.options.warmup()))
							+ " s): " + result.describe());
				}
				hangUp(sim, placed);
			}
		}
	}

	private LoadMeter meter(AppKind kind) {
		return kind.isAgent() ? new AgentTurnMeter(AgentScript.silenceFrames(), InstantModels.REPLY_BYTES) : new EchoMeter();
	}

	private TelcoflowSimulator simulator(LoadMeter meter) {
		// A long heartbeat: neither application needs to ping a connection that carries audio anyway.
		TelcoflowSimulator.Builder builder = TelcoflowSimulator.builder();
		if (this.options.tls()) {
			builder.tls(SimulatorTls.testServer()).requireClientCertificate(this.options.clientCertificate());
		}
		return builder.recordAgentAudio(false)
			.heartbeatInterval(Duration.ofMinutes(10))
			.mediaOpenTimeout(Duration.ofSeconds(30))
			.audioFrameObserver(meter)
			.build()
			.start();
	}

	private AppProcess startApp(AppKind kind, TelcoflowSimulator sim, String name) throws IOException {
		List<String> jvmArgs = new ArrayList<>(this.options.jvmArgs());
		if (kind.isSdk() && this.options.virtualThreads()) {
			jvmArgs.add("-Dspring.threads.virtual.enabled=true");
		}
		Path log = this.options.logDir().resolve(this.options.label() + "-" + name + ".log");
		return AppProcess.start(kind, sim, this.options, jvmArgs, log);
	}

	/**
	 * Places calls at about 100 per second, or all at once with {@code --arrival burst}, and waits
	 * until all are answered (at most 60 s).
	 */
	private boolean placeCalls(AppKind kind, TelcoflowSimulator sim, List<SimulatedCall> placed, int count) {
		Duration life = Duration.ofSeconds(this.options.maxCallSeconds());
		CallerAudio callerAudio = kind.isAgent() ? AgentScript.callerAudio() : CallerAudio.silence(Duration.ofSeconds(1));
		for (int i = 0; i < count; i++) {
			placed.add(sim.placeCall(CallScript.builder()
				.callerAudio(callerAudio)
				.repeatAudio(true)
				.hangUpAfter(life)
				.build()));
			if (!this.options.burst() && i % 10 == 9) {
				sleep(Duration.ofMillis(100));
			}
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (placed.stream().allMatch((call) -> "ANSWERED".equals(call.state()))) {
				reportBurst(placed, count);
				return true;
			}
			sleep(Duration.ofMillis(100));
		}
		return false;
	}

	private RunResult measure(AppKind kind, AppProcess app, LoadMeter meter, List<SimulatedCall> placed, boolean heap,
			long heapBefore) {
		return measure(kind, app, meter, placed, placed, heap, heapBefore);
	}

	/**
	 * Measures one window with {@code placed} calls up; the offer delays are those of
	 * {@code started} (the calls placed for this window).
	 */
	private RunResult measure(AppKind kind, AppProcess app, LoadMeter meter, List<SimulatedCall> placed,
			List<SimulatedCall> started, boolean heap, long heapBefore) {
		int calls = placed.size();
		OfferDelays mediaOpen = OfferDelays.toMediaOpen(started);
		OfferDelays answered = OfferDelays.toAnswer(started);
		sleep(Duration.ofSeconds(this.options.warmup()));
		double appCpu = app.cpuSeconds();
		long harnessCpu = harnessCpuNanos();
		long start = System.nanoTime();
		meter.openWindow();
		sleep(Duration.ofMillis(this.options.seconds() * 500L));
		int threads = app.threads();
		sleep(Duration.ofMillis(this.options.seconds() * 500L));
		meter.closeWindow();
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpu = app.cpuSeconds() - appCpu;
		double harnessPercent = 100.0 * (harnessCpuNanos() - harnessCpu) / 1e9 / seconds;
		sleep(Duration.ofSeconds(1));
		EchoStats echo = meter.stats();
		if (meter instanceof AgentTurnMeter agent) {
			report(kind.label() + " " + calls + " calls: " + agent.describeRaw());
		}
		double heapPerCall = heap ? (app.heapAfterGc() - heapBefore) / 1024.0 / calls : Double.NaN;
		String[] dispatch = app.ask("dispatch", Duration.ofSeconds(10));
		String[] timer = app.ask("timer", Duration.ofSeconds(10));
		boolean hasTimer = timer.length >= 3 && !"none".equals(timer[0]);
		return new RunResult(kind, calls, seconds, echo, 1000 * cpu / (calls * seconds), harnessPercent, heapPerCall,
				threads, micros(dispatch[1]), micros(dispatch[2]), mediaOpen.p50(), mediaOpen.p99(), answered.p50(), answered.p99(), hasTimer ? micros(timer[1]) : Double.NaN,
				hasTimer ? micros(timer[2]) : Double.NaN, ProcFs.loadAverage());
	}

	private void hangUp(TelcoflowSimulator sim, List<SimulatedCall> placed) {
		placed.forEach(SimulatedCall::hangUp);
	}

	private static double micros(String value) {
		return Long.parseLong(value) / 1000.0;
	}

	private static long harnessCpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	private void report(String line) {
		String stamped = "[" + this.options.label() + "] " + line;
		System.out.println(stamped);
		try {
			Files.writeString(this.options.results(), stamped + System.lineSeparator(), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			System.err.println("Cannot append to " + this.options.results() + ": " + ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
