package io.telcoflow.client.internal.transport;

import java.nio.ByteBuffer;

/**
 * Receives a connection's frames, on the connection's reader thread, one at a time.
 */
public interface FrameListener {

	/**
	 * The connection opened; called before its first frame.
	 * @param connection the connection, to reply on
	 */
	default void onOpen(WebSocketConnection connection) {
	}

	/**
	 * A text frame arrived.
	 * @param text the frame
	 */
	void onText(String text);

	/**
	 * A binary frame arrived.
	 * @param data the frame; valid only during the call
	 */
	void onBinary(ByteBuffer data);

	/**
	 * A message above the protocol's size limit arrived and was dropped; the connection stays open.
	 * @param description what was dropped, for a protocol error
	 */
	default void onOversized(String description) {
	}

	/**
	 * The connection closed, by either side or by loss; called exactly once.
	 * @param code the close code ({@link WebSocketConnection#ABNORMAL} on loss)
	 * @param reason the close reason or a description of the loss
	 */
	void onClosed(int code, String reason);

}
