package io.telcoflow.benchmarks.stacks;

/**
 * One open client connection of a stack, as the echo application sees it: a hand-off for the
 * echoed frame and a close.
 */
interface EchoConnection {

	/**
	 * Hands a binary message to the connection's writer and returns at once: the caller (an
	 * application thread) never writes the socket.
	 */
	void send(byte[] payload);

	void close();

}
