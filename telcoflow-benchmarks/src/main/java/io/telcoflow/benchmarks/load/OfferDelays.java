package io.telcoflow.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.telcoflow.simulator.CallRecord;
import io.telcoflow.simulator.RecordedCommand;
import io.telcoflow.simulator.SimulatedCall;

/**
 * Delays of the calls' start as the simulator saw them, all on its own clock: from the offer
 * ({@code call.incoming} sent) to the media connection's upgrade request, and to the
 * {@code answer} command. The same for both applications, unlike the applications' own figures.
 *
 * @param p50 median, ms
 * @param p99 99th percentile, ms
 */
record OfferDelays(double p50, double p99) {

	/**
	 * Offer to the media connection's upgrade.
	 * @param calls the calls
	 * @return the delays
	 */
	static OfferDelays toMediaOpen(List<SimulatedCall> calls) {
		return of(calls, CallRecord::mediaOpenedAt);
	}

	/**
	 * Offer to the {@code answer} command.
	 * @param calls the calls
	 * @return the delays
	 */
	static OfferDelays toAnswer(List<SimulatedCall> calls) {
		return of(calls, (record) -> record.commands()
			.stream()
			.filter((command) -> "answer".equals(command.name()))
			.map(RecordedCommand::at)
			.findFirst()
			.orElse(null));
	}

	private static OfferDelays of(List<SimulatedCall> calls, Function<CallRecord, Instant> end) {
		double[] millis = calls.stream().map(SimulatedCall::record).map((record) -> {
			Instant offered = record.offeredAt();
			Instant at = end.apply(record);
			return (offered != null && at != null) ? Duration.between(offered, at).toNanos() / 1e6 : null;
		}).filter(Objects::nonNull).mapToDouble(Double::doubleValue).sorted().toArray();
		if (millis.length == 0) {
			return new OfferDelays(Double.NaN, Double.NaN);
		}
		return new OfferDelays(at(millis, 0.5), at(millis, 0.99));
	}

	private static double at(double[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
