package io.telcoflow.benchmarks.stacks;

/**
 * What a stack's read callback reports, on the stack's own thread.
 */
interface EchoEvents {

	/** A complete binary message; {@code payload} is the application's own copy. */
	void binary(EchoConnection connection, byte[] payload);

	/** A complete text message. */
	void text(String text);

	/** The connection closed or failed. */
	void closed();

}
