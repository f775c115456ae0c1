package io.telcoflow.benchmarks.load;

import java.util.Locale;

/**
 * The applications measured in the same run.
 */
enum AppKind {

	/** The echo handler on the starter, reading the call's {@code audioStream()}. */
	SDK,

	/**
	 * The echo handler on the starter, reading {@code audioStream().limitDelay(20 ms)}: the loop
	 * with the delay bound for live audio.
	 */
	SDK_LIVE,

	/** The echo handler on the starter, echoing from an {@code AudioListener}. */
	SDK_LISTENER,

	/**
	 * A voice agent on the starter and telcoflow-voice-agent with instant fake models: the
	 * pipeline's own cost and the latency it adds to a turn (see {@link AgentTurnMeter}).
	 */
	SDK_AGENT,

	/** The echo client on the raw WebSocket stack. */
	BASELINE;

	/**
	 * Parses a name as written on the command line: {@code sdk}, {@code sdk-live}, {@code sdk-listener},
	 * {@code sdk-agent}, {@code baseline}.
	 */
	static AppKind parse(String name) {
		return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
	}

	/** The name as written on the command line and in the results. */
	String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	boolean isSdk() {
		return this != BASELINE;
	}

	boolean isAgent() {
		return this == SDK_AGENT;
	}

}
