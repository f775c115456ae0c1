package io.telcoflow.benchmarks.load;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Medians of repeated runs, and the SDK beside the baseline as a table.
 */
final class Medians {

	private Medians() {
	}

	static RunResult of(List<RunResult> runs) {
		RunResult first = runs.get(0);
		EchoStats echo = new EchoStats(median(runs, (r) -> r.echo().p50()), median(runs, (r) -> r.echo().p99()),
				median(runs, (r) -> r.echo().p999()), (long) median(runs, (r) -> r.echo().pulls()),
				(long) median(runs, (r) -> r.echo().underruns()), (long) median(runs, (r) -> r.echo().sent()),
				(long) median(runs, (r) -> r.echo().lost()), (long) median(runs, (r) -> r.echo().late()));
		return new RunResult(first.kind(), first.calls(), median(runs, RunResult::seconds), echo,
				median(runs, RunResult::cpuMillisPerCallSecond), median(runs, RunResult::harnessCpuPercent),
				median(runs, RunResult::heapPerCallKib), (int) median(runs, RunResult::threads),
				median(runs, RunResult::dispatchP50), median(runs, RunResult::dispatchP99),
				median(runs, RunResult::mediaOpenP50), median(runs, RunResult::mediaOpenP99),
				median(runs, RunResult::answeredP50), median(runs, RunResult::answeredP99), median(runs, RunResult::timerP50),
				median(runs, RunResult::timerP99), median(runs, RunResult::loadAverage));
	}

	private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
		double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
		return values[values.length / 2];
	}

	static String table(RunResult sdk, RunResult baseline, String label) {
		StringBuilder out = new StringBuilder();
		out.append("\n| ").append(label).append(", ").append(sdk.calls()).append(" calls | ").append(sdk.kind().label())
			.append(" | baseline | ratio |\n");
		out.append("| --- | --- | --- | --- |\n");
		row(out, "echo p50 (ms)", sdk.echo().p50(), baseline.echo().p50());
		row(out, "echo p99 (ms)", sdk.echo().p99(), baseline.echo().p99());
		row(out, "echo p99.9 (ms)", sdk.echo().p999(), baseline.echo().p999());
		row(out, "underruns (% of pulls)", sdk.echo().underrunPercent(), baseline.echo().underrunPercent());
		row(out, "late > 60 ms (frames)", sdk.echo().late(), baseline.echo().late());
		row(out, "lost (frames)", sdk.echo().lost(), baseline.echo().lost());
		row(out, "CPU per call-second (ms)", sdk.cpuMillisPerCallSecond(), baseline.cpuMillisPerCallSecond());
		row(out, "heap after GC per live call (KiB)", sdk.heapPerCallKib(), baseline.heapPerCallKib());
		row(out, "threads", sdk.threads(), baseline.threads());
		row(out, "offer to handler entry p50 (ms)", sdk.dispatchP50(), baseline.dispatchP50());
		row(out, "offer to handler entry p99 (ms)", sdk.dispatchP99(), baseline.dispatchP99());
		row(out, "offer to media connection (simulator) p50 (ms)", sdk.mediaOpenP50(), baseline.mediaOpenP50());
		row(out, "offer to media connection (simulator) p99 (ms)", sdk.mediaOpenP99(), baseline.mediaOpenP99());
		row(out, "offer to answer (simulator) p50 (ms)", sdk.answeredP50(), baseline.answeredP50());
		row(out, "offer to answer (simulator) p99 (ms)", sdk.answeredP99(), baseline.answeredP99());
		row(out, "telcoflow.handler.dispatch timer p50 (ms)", sdk.timerP50(), Double.NaN);
		row(out, "telcoflow.handler.dispatch timer p99 (ms)", sdk.timerP99(), Double.NaN);
		row(out, "simulator process CPU (% of a core)", sdk.harnessCpuPercent(), baseline.harnessCpuPercent());
		row(out, "machine load average (1 min)", sdk.loadAverage(), baseline.loadAverage());
		return out.toString();
	}

	/**
	 * The voice agent beside the echo applications of the same run: its CPU against theirs (the
	 * difference is the pipeline's own cost: an echo receives the same audio and sends more) and
	 * its turns.
	 */
	static String agentTable(RunResult agent, List<RunResult> echoes, String label) {
		StringBuilder out = new StringBuilder();
		out.append("\n| ").append(label).append(", ").append(agent.calls()).append(" calls | ").append(agent.kind().label());
		echoes.forEach((echo) -> out.append(" | ").append(echo.kind().label()).append(" | difference"));
		out.append(" |\n| ---").append(" | ---".repeat(1 + 2 * echoes.size())).append(" |\n");
		agentRow(out, "CPU per call-second (ms)", agent.cpuMillisPerCallSecond(), echoes,
				RunResult::cpuMillisPerCallSecond);
		agentRow(out, "CPU per call (% of a core)", agent.cpuMillisPerCallSecond() / 10, echoes,
				(echo) -> echo.cpuMillisPerCallSecond() / 10);
		agentRow(out, "heap after GC per live call (KiB)", agent.heapPerCallKib(), echoes, RunResult::heapPerCallKib);
		agentRow(out, "threads", agent.threads(), echoes, RunResult::threads);
		agentRow(out, "machine load average (1 min)", agent.loadAverage(), echoes, RunResult::loadAverage);
		out.append("\n| ").append(label).append(" turns | ").append(agent.kind().label()).append(" |\n| --- | --- |\n");
		out.append("| turns in the window | ").append(agent.echo().sent()).append(" |\n");
		out.append("| added latency p50 / p99 / p99.9 (ms) | ")
			.append(format(agent.echo().p50()))
			.append(" / ")
			.append(format(agent.echo().p99()))
			.append(" / ")
			.append(format(agent.echo().p999()))
			.append(" |\n");
		out.append("| turns over ").append(AgentTurnMeter.LATE_NANOS / 1_000_000).append(" ms | ")
			.append(agent.echo().late()).append(" |\n");
		out.append("| turns without a reply | ").append(agent.echo().lost()).append(" |\n");
		out.append("| pulls during replies that got no audio | ")
			.append(agent.echo().underruns())
			.append(" of ")
			.append(agent.echo().pulls())
			.append(" |\n");
		return out.toString();
	}

	private static void agentRow(StringBuilder out, String name, double agent, List<RunResult> echoes,
			ToDoubleFunction<RunResult> figure) {
		out.append("| ").append(name).append(" | ").append(format(agent));
		for (RunResult echo : echoes) {
			double value = figure.applyAsDouble(echo);
			out.append(" | ").append(format(value)).append(" | ").append(format(agent - value));
		}
		out.append(" |\n");
	}

	private static void row(StringBuilder out, String name, double sdk, double baseline) {
		String ratio = (baseline != 0 && !Double.isNaN(baseline) && !Double.isNaN(sdk)) ? format(sdk / baseline) : "-";
		out.append("| ").append(name).append(" | ").append(format(sdk)).append(" | ").append(format(baseline))
			.append(" | ").append(ratio).append(" |\n");
	}

	private static String format(double value) {
		if (Double.isNaN(value)) {
			return "-";
		}
		return String.format(Locale.ROOT, (Math.abs(value) >= 100) ? "%.0f" : "%.2f", value);
	}

}
