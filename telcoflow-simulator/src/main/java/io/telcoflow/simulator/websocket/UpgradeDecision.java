package io.telcoflow.simulator.websocket;

import org.jspecify.annotations.Nullable;

/**
 * What to do with an upgrade request: accept it with a handler, or refuse it with an HTTP status.
 *
 * @param status 101 to accept, else the HTTP status of the refusal
 * @param handler the handler of an accepted connection
 */
public record UpgradeDecision(int status, @Nullable WebSocketHandler handler) {

	/**
	 * Accept the upgrade.
	 * @param handler the connection's handler
	 * @return the decision
	 */
	public static UpgradeDecision accept(WebSocketHandler handler) {
		return new UpgradeDecision(101, handler);
	}

	/**
	 * Refuse the upgrade.
	 * @param status the HTTP status
	 * @return the decision
	 */
	public static UpgradeDecision refuse(int status) {
		return new UpgradeDecision(status, null);
	}

}
