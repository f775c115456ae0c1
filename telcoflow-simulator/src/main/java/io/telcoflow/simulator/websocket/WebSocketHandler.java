package io.telcoflow.simulator.websocket;

/**
 * Receives the events of one accepted WebSocket connection, on that connection's reader thread.
 */
public interface WebSocketHandler {

	/**
	 * Called once after the 101 response was written.
	 * @param connection the connection
	 */
	default void onOpen(WebSocketConnection connection) {
	}

	/**
	 * A complete text message.
	 * @param connection the connection
	 * @param text the message
	 */
	void onText(WebSocketConnection connection, String text);

	/**
	 * A complete binary message.
	 * @param connection the connection
	 * @param data the payload
	 * @param length the number of valid bytes in {@code data}
	 */
	void onBinary(WebSocketConnection connection, byte[] data, int length);

	/**
	 * A frame the server drops: oversized, not masked, invalid.
	 * @param connection the connection
	 * @param description what was wrong
	 */
	default void onProtocolError(WebSocketConnection connection, String description) {
	}

	/**
	 * Called once when the connection is gone, whatever the reason.
	 * @param connection the connection
	 * @param code the close code received or sent, 1006 when the TCP connection ended without one
	 */
	void onClosed(WebSocketConnection connection, int code);

}
