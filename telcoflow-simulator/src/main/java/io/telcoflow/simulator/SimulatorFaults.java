package io.telcoflow.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;

import io.telcoflow.simulator.websocket.WebSocketConnection;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fault injection: what a real network and a real server do to a client on a bad day. Obtain it
 * with {@link TelcoflowSimulator#faults()}.
 */
public final class SimulatorFaults {

	private final TelcoflowSimulator simulator;

	private final Map<String, Queue<String>> rejections = new HashMap<>();

	private int refuseControl;

	private int refuseControlStatus = 503;

	private int refuseMedia;

	private int refuseMediaStatus = 503;

	private volatile boolean credentialsRevoked;

	private volatile boolean pingsStopped;

	private volatile Duration commandDelay = Duration.ZERO;

	private volatile Duration controlUpgradeDelay = Duration.ZERO;

	SimulatorFaults(TelcoflowSimulator simulator) {
		this.simulator = simulator;
	}

	/**
	 * Drops every control connection abruptly: the TCP connection closes without a close frame.
	 * Media connections stay.
	 */
	public void dropControlConnections() {
		for (SimulatedSession session : this.simulator.sessions()) {
			WebSocketConnection connection = session.connection();
			if (connection != null) {
				connection.abort();
			}
		}
	}

	/**
	 * Closes every control connection normally (close code 1000): the server is done with the
	 * client, which must not reconnect. Media connections stay.
	 */
	public void closeControlConnections() {
		for (SimulatedSession session : this.simulator.sessions()) {
			WebSocketConnection connection = session.connection();
			if (connection != null) {
				connection.close(1000, "closed by the server");
			}
		}
	}

	/**
	 * Sends {@code session.draining} to every control connection, then closes each with 1001.
	 * @param reconnectAfter the {@code reconnect_after_ms} to announce
	 */
	public void drainControlConnections(Duration reconnectAfter) {
		for (SimulatedSession session : this.simulator.sessions()) {
			WebSocketConnection connection = session.connection();
			if (connection != null) {
				ObjectNode draining = WireJson.message("session.draining");
				draining.put("reconnect_after_ms", reconnectAfter.toMillis());
				connection.sendText(WireJson.write(draining));
				connection.close(1001, "going away");
			}
		}
	}

	/**
	 * Refuses the next control upgrade requests with HTTP 503.
	 * @param count how many
	 */
	public void refuseNextConnections(int count) {
		refuseNextConnections(count, 503);
	}

	/**
	 * Refuses the next control upgrade requests with an HTTP status.
	 * @param count how many
	 * @param httpStatus the status, for example 401, 403, 404 or 503
	 */
	public synchronized void refuseNextConnections(int count, int httpStatus) {
		this.refuseControl = count;
		this.refuseControlStatus = httpStatus;
	}

	/**
	 * Refuses the next media upgrade requests (of any call) with an HTTP status.
	 * @param count how many
	 * @param httpStatus the status, for example 404 or 503
	 */
	public synchronized void refuseNextMediaConnections(int count, int httpStatus) {
		this.refuseMedia = count;
		this.refuseMediaStatus = httpStatus;
	}

	/**
	 * Drops a call's media connection abruptly (no close frame). The client may resume it within
	 * the resume timeout (5 s), else the call ends with reason {@code error}.
	 * @param callId the call
	 */
	public void dropMediaConnection(String callId) {
		WebSocketConnection connection = this.simulator.requireCall(callId).mediaConnection();
		if (connection != null) {
			connection.abort();
		}
	}

	/**
	 * Stops reading a call's media connection while the call goes on (pulls keep coming, each
	 * asking for 64 KiB, the most a pull may): the client's writes on it pile up until its socket
	 * cannot take more, as with a server that hangs.
	 * The client must give that connection up within its write bound, and no other call may notice.
	 * @param callId the call
	 */
	public void stopReadingMedia(String callId) {
		this.simulator.requireCall(callId).stallMedia();
	}

	/**
	 * Makes resume attempts of a call's media connection fail with HTTP 404.
	 * @param callId the call
	 */
	public void refuseMediaResume(String callId) {
		this.simulator.requireCall(callId).refuseResume();
	}

	/**
	 * Delays the handling of every following command (and so its result).
	 * @param delay the delay, {@link Duration#ZERO} to stop delaying
	 */
	public void delayCommandResults(Duration delay) {
		this.commandDelay = Objects.requireNonNull(delay, "delay");
	}

	/**
	 * Rejects the next command of a name, on any call, with an error code (the call's state does
	 * not change).
	 * @param name the command name, for example {@code answer}
	 * @param errorCode the error code, for example {@code INTERNAL_ERROR}
	 */
	public synchronized void rejectNextCommand(String name, String errorCode) {
		this.rejections.computeIfAbsent(name, (key) -> new ArrayDeque<>()).add(errorCode);
	}

	/**
	 * Sends a raw text frame to every control connection: malformed JSON, unknown types, results
	 * for unknown ids, oversized text...
	 * @param rawFrame the frame's text, sent as is
	 */
	public void sendControlText(String rawFrame) {
		for (SimulatedSession session : this.simulator.sessions()) {
			WebSocketConnection connection = session.connection();
			if (connection != null) {
				connection.sendText(rawFrame);
			}
		}
	}

	/**
	 * Sends a text frame larger than the wire format's 64 KiB limit to every control connection
	 * (valid JSON of an unknown type, so only its size is wrong).
	 */
	public void sendOversizedControlText() {
		sendControlText(oversizedText());
	}

	/**
	 * Sends a text frame larger than the wire format's 64 KiB limit on a call's media connection.
	 * @param callId the call
	 */
	public void sendOversizedMediaText(String callId) {
		sendMediaText(callId, oversizedText());
	}

	private static String oversizedText() {
		return "{\"type\":\"simulator.oversized\",\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";
	}

	/**
	 * Sends a raw text frame on a call's media connection.
	 * @param callId the call
	 * @param rawFrame the frame's text, sent as is
	 */
	public void sendMediaText(String callId, String rawFrame) {
		WebSocketConnection connection = this.simulator.requireCall(callId).mediaConnection();
		if (connection != null) {
			connection.sendText(rawFrame);
		}
	}

	/**
	 * Sends a raw binary frame on a call's media connection (odd length, oversized...).
	 * @param callId the call
	 * @param raw the payload, sent as is
	 */
	public void sendMediaBinary(String callId, byte[] raw) {
		WebSocketConnection connection = this.simulator.requireCall(callId).mediaConnection();
		if (connection != null) {
			connection.sendBinary(raw);
		}
	}

	/**
	 * Revokes the credentials: every control connection is closed with 4001 and further upgrades
	 * (control and media) get HTTP 401, until {@link #restoreCredentials()}.
	 */
	public void revokeCredentials() {
		this.credentialsRevoked = true;
		for (SimulatedSession session : this.simulator.sessions()) {
			WebSocketConnection connection = session.connection();
			if (connection != null) {
				connection.close(4001, "credentials revoked");
			}
		}
	}

	/**
	 * Accepts the configured credentials again after {@link #revokeCredentials()}.
	 */
	public void restoreCredentials() {
		this.credentialsRevoked = false;
	}

	/**
	 * Stops answering WebSocket pings on every connection, open and future (the client should then
	 * detect a dead connection).
	 */
	public void stopAnsweringPings() {
		this.pingsStopped = true;
		this.simulator.forEachConnection((connection) -> connection.answerPings(false));
	}

	/**
	 * Answers pings again after {@link #stopAnsweringPings()}.
	 */
	public void resumeAnsweringPings() {
		this.pingsStopped = false;
		this.simulator.forEachConnection((connection) -> connection.answerPings(true));
	}

	/**
	 * Clears every pending fault: refusals, rejections, delay, revoked credentials, stopped pings.
	 */
	public synchronized void reset() {
		this.rejections.clear();
		this.refuseControl = 0;
		this.refuseMedia = 0;
		this.commandDelay = Duration.ZERO;
		this.controlUpgradeDelay = Duration.ZERO;
		restoreCredentials();
		resumeAnsweringPings();
	}

	/**
	 * Answers control upgrade requests only after a delay (a slow or overloaded server): a client
	 * that gave up on the handshake in the meantime must close the connection that opens late.
	 * @param delay the delay, {@link Duration#ZERO} for none
	 */
	public void delayControlUpgrades(Duration delay) {
		this.controlUpgradeDelay = delay;
	}

	Duration controlUpgradeDelay() {
		return this.controlUpgradeDelay;
	}

	boolean credentialsRevoked() {
		return this.credentialsRevoked;
	}

	boolean pingsStopped() {
		return this.pingsStopped;
	}

	Duration commandDelay() {
		return this.commandDelay;
	}

	synchronized @Nullable String takeRejection(String name) {
		Queue<String> queue = this.rejections.get(name);
		return (queue != null) ? queue.poll() : null;
	}

	/** Returns the status to refuse this control upgrade with, or 0 to let it through. */
	synchronized int takeControlRefusal() {
		if (this.refuseControl > 0) {
			this.refuseControl--;
			return this.refuseControlStatus;
		}
		return 0;
	}

	synchronized int takeMediaRefusal() {
		if (this.refuseMedia > 0) {
			this.refuseMedia--;
			return this.refuseMediaStatus;
		}
		return 0;
	}

}
