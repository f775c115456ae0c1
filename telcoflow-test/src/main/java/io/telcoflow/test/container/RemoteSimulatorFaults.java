package io.telcoflow.test.container;

import java.time.Duration;
import java.util.Map;

import io.telcoflow.simulator.SimulatorFaults;

/**
 * Fault injection on a containerised simulator: the counterpart of the embedded simulator's
 * {@link SimulatorFaults}, for the faults that make sense across a process boundary.
 */
public final class RemoteSimulatorFaults {

	private final SimulatorAdminClient client;

	RemoteSimulatorFaults(SimulatorAdminClient client) {
		this.client = client;
	}

	/**
	 * Closes every control connection abruptly (no close frame).
	 */
	public void dropControlConnections() {
		fault("drop-control-connections", Map.of());
	}

	/**
	 * Announces a drain on every control connection, then closes them.
	 * @param reconnectAfter the delay the simulator asks clients to wait before reconnecting
	 */
	public void drainControlConnections(Duration reconnectAfter) {
		fault("drain-control-connections", Map.of("reconnect-after", reconnectAfter.toString()));
	}

	/**
	 * Refuses the next control connection attempts with HTTP 503.
	 * @param count how many attempts to refuse
	 */
	public void refuseNextConnections(int count) {
		fault("refuse-next-connections", Map.of("count", String.valueOf(count)));
	}

	/**
	 * Closes a call's media connection abruptly.
	 * @param callId the call
	 */
	public void dropMediaConnection(String callId) {
		fault("drop-media-connection", Map.of("call-id", callId));
	}

	/**
	 * Delays every following command result; {@link Duration#ZERO} resets.
	 * @param delay the delay
	 */
	public void delayCommandResults(Duration delay) {
		fault("delay-command-results", Map.of("delay", delay.toString()));
	}

	/**
	 * Fails the next command of a name with an error code.
	 * @param name the command name
	 * @param errorCode the error code of the result
	 */
	public void rejectNextCommand(String name, String errorCode) {
		fault("reject-next-command", Map.of("name", name, "error-code", errorCode));
	}

	/**
	 * Revokes the API key: control connections close with {@code 4001}, new ones get {@code 401}.
	 */
	public void revokeCredentials() {
		fault("revoke-credentials", Map.of());
	}

	/**
	 * Accepts the API key again.
	 */
	public void restoreCredentials() {
		fault("restore-credentials", Map.of());
	}

	/**
	 * Stops answering the client's pings.
	 */
	public void stopAnsweringPings() {
		fault("stop-answering-pings", Map.of());
	}

	/**
	 * Answers the client's pings again.
	 */
	public void resumeAnsweringPings() {
		fault("resume-answering-pings", Map.of());
	}

	/**
	 * Clears every fault.
	 */
	public void reset() {
		fault("reset", Map.of());
	}

	private void fault(String name, Map<String, String> query) {
		this.client.post("faults/" + name, query, new byte[0], Duration.ZERO);
	}

}
