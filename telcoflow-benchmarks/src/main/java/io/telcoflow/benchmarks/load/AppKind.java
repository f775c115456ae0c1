package io.telcoflow.benchmarks.load;

/**
 * The two applications measured in the same run.
 */
enum AppKind {

	/** The echo handler on the starter. */
	SDK,

	/** The echo client on the raw WebSocket stack. */
	BASELINE

}
