package io.telcoflow.benchmarks.stacks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Medians over the repeats, one Markdown table per N and scheme, each figure with its ratio to the
 * baseline stack's figure of the same repeat (median of those ratios).
 */
final class StackTables {

	private StackTables() {
	}

	static String of(List<StackRun> runs, StackKind baseline, String label, String java) {
		StringBuilder out = new StringBuilder();
		List<Integer> calls = runs.stream().map(StackRun::connections).distinct().toList();
		List<Boolean> schemes = runs.stream().map(StackRun::tls).distinct().toList();
		List<StackKind> stacks = runs.stream().map(StackRun::stack).distinct().toList();
		for (int n : calls) {
			for (boolean tls : schemes) {
				out.append("\n### ").append(label).append(": ").append(n).append(" connections, ")
					.append(tls ? "wss://" : "ws://").append(" (").append(java).append(")\n\n");
				out.append("| stack | open p50 / slowest (ms) | threads: window / burst peak | CPU per conn-s (ms) | CPU per 1,000 echoes (ms) "
						+ "| echo p50 / p99 (ms) | heap + direct per conn (KiB) | burst CPU per conn, client / server (ms) "
						+ "| lost | load |\n");
				out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
				for (StackKind stack : stacks) {
					List<StackRun> mine = select(runs, stack, n, tls);
					List<StackRun> base = select(runs, baseline, n, tls);
					if (mine.isEmpty()) {
						continue;
					}
					out.append("| ").append(stack.label())
						.append(" | ").append(f(median(mine, StackRun::openP50))).append(" / ")
						.append(withRatio(mine, base, StackRun::openMax))
						.append(" | ").append(withRatio(mine, base, StackRun::threads)).append(" / ")
						.append(f(median(mine, StackRun::burstThreads)))
						.append(" | ").append(withRatio(mine, base, StackRun::cpuPerConnectionSecond))
						.append(" | ").append(withRatio(mine, base, StackRun::cpuPerThousandEchoes))
						.append(" | ").append(f(median(mine, StackRun::echoP50))).append(" / ")
						.append(withRatio(mine, base, StackRun::echoP99))
						.append(" | ").append(withRatio(mine, base, StackRun::memoryPerConnection))
						.append(" | ").append(f(median(mine, StackRun::burstCpuPerConnection))).append(" / ")
						.append(f(median(mine, StackRun::serverBurstCpuPerConnection)))
						.append(" | ").append(f(median(mine, StackRun::lost)))
						.append(" | ").append(f(median(mine, StackRun::loadAverage)))
						.append(" |\n");
				}
			}
		}
		out.append("\nMedians of ").append(runs.stream().mapToInt(StackRun::repeat).max().orElse(0))
			.append(" repeat(s); (×r) is the median ratio to ").append(baseline.label())
			.append(" in the same repeat.\n");
		return out.toString();
	}

	private static List<StackRun> select(List<StackRun> runs, StackKind stack, int n, boolean tls) {
		return runs.stream().filter((r) -> r.stack() == stack && r.connections() == n && r.tls() == tls).toList();
	}

	private static String withRatio(List<StackRun> mine, List<StackRun> base, ToDoubleFunction<StackRun> figure) {
		double[] ratios = mine.stream()
			.map((run) -> sameRepeat(base, run).map((b) -> figure.applyAsDouble(run) / figure.applyAsDouble(b)))
			.flatMap(Optional::stream)
			.mapToDouble(Double::doubleValue)
			.sorted()
			.toArray();
		String value = f(median(mine, figure));
		return (ratios.length == 0) ? value : value + " (×" + f(ratios[ratios.length / 2]) + ")";
	}

	private static Optional<StackRun> sameRepeat(List<StackRun> base, StackRun run) {
		return base.stream().filter((b) -> b.repeat() == run.repeat()).findFirst();
	}

	static double median(List<StackRun> runs, ToDoubleFunction<StackRun> figure) {
		double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
		return values[values.length / 2];
	}

	private static String f(double value) {
		if (Double.isNaN(value)) {
			return "-";
		}
		return String.format(Locale.ROOT, (Math.abs(value) >= 100) ? "%.0f" : (Math.abs(value) >= 10) ? "%.1f" : "%.2f",
				value);
	}

}
