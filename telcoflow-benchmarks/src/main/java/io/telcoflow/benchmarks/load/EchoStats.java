package io.telcoflow.benchmarks.load;

/**
 * The echo of one measurement window, over every call.
 * @param p50 echo delay median, ms
 * @param p99 echo delay 99th percentile, ms
 * @param p999 echo delay 99.9th percentile, ms
 * @param pulls pulls in the window
 * @param underruns pulls that got no audio while echo audio was due
 * @param sent caller frames sent in the window
 * @param lost caller frames sent in the window whose echo never came back
 * @param late caller frames whose echo came back after {@link EchoMeter#LATE_NANOS}
 */
record EchoStats(double p50, double p99, double p999, long pulls, long underruns, long sent, long lost, long late) {

	double underrunPercent() {
		return (this.pulls > 0) ? 100.0 * this.underruns / this.pulls : 0;
	}

}
