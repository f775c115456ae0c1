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

	/** The echo client on the raw WebSocket stack. */
	BASELINE;

	/**
	 * Parses a name as written on the command line: {@code sdk}, {@code sdk-live}, {@code sdk-listener},
	 * {@code baseline}.
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

}
