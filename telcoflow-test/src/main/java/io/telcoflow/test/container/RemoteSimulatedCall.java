package io.telcoflow.test.container;

import java.time.Duration;
import java.util.Map;

import io.telcoflow.simulator.SimulatedCall;
import org.jspecify.annotations.Nullable;

/**
 * A call placed on a containerised simulator: the counterpart of the embedded simulator's
 * {@link SimulatedCall}, with the same operations, each one a request to the simulator's control
 * API.
 */
public final class RemoteSimulatedCall {

	private final SimulatorAdminClient client;

	private final String callId;

	RemoteSimulatedCall(SimulatorAdminClient client, String callId) {
		this.client = client;
		this.callId = callId;
	}

	/**
	 * Returns the call id the application sees.
	 * @return the call id
	 */
	public String callId() {
		return this.callId;
	}

	/**
	 * Returns the call's state now.
	 * @return {@code PENDING}, {@code ANSWERED}, {@code CONNECTED} or {@code DISCONNECTED}
	 */
	public String state() {
		return read().state();
	}

	/**
	 * Returns whether the call is over.
	 * @return whether it ended
	 */
	public boolean isEnded() {
		return read().ended();
	}

	/**
	 * Returns why the call ended.
	 * @return the reason, {@code null} while it goes on
	 */
	public @Nullable String endReason() {
		return read().endReason();
	}

	/**
	 * Returns what the application did on the call so far.
	 * @return a snapshot of the call's record
	 */
	public RemoteCallRecord record() {
		return read().record();
	}

	/**
	 * Returns every byte of audio the application sent on the call, concatenated.
	 * @return PCM s16le mono at the call's sample rate
	 */
	public byte[] agentAudio() {
		return this.client.getBytes(path("/agent-audio"));
	}

	/**
	 * Waits until the call has reached a state (it may have moved on since).
	 * @param expected {@code ANSWERED}, {@code CONNECTED}, {@code DISCONNECTED} ...
	 * @param timeout how long to wait
	 * @throws AssertionError when the state is not reached in time
	 */
	public void awaitState(String expected, Duration timeout) {
		this.client.post(path("/await-state"), Map.of("state", expected, "timeout", timeout.toString()), new byte[0],
				timeout);
	}

	/**
	 * Waits until the call is over.
	 * @param timeout how long to wait
	 * @return the reason it ended
	 * @throws AssertionError when it does not end in time
	 */
	public String awaitEnded(Duration timeout) {
		AdminApi.Call call = this.client.postJson(path("/await-ended"), Map.of("timeout", timeout.toString()),
				Map.of(), timeout, AdminApi.Call.class);
		return (call.endReason() != null) ? call.endReason() : "unknown";
	}

	/**
	 * The caller hangs up now.
	 */
	public void hangUp() {
		this.client.post(path("/hang-up"), Map.of(), new byte[0], Duration.ZERO);
	}

	/**
	 * The caller presses a key now.
	 * @param digit the key: {@code 0-9}, {@code *}, {@code #}, {@code A-D}
	 */
	public void pressDigit(char digit) {
		this.client.post(path("/digits"), Map.of("digit", String.valueOf(digit)), new byte[0], Duration.ZERO);
	}

	/**
	 * Queues more caller audio, played after what is queued already.
	 * @param pcm PCM s16le mono at the call's sample rate
	 */
	public void sendCallerAudio(byte[] pcm) {
		this.client.post(path("/audio"), Map.of(), pcm, Duration.ZERO);
	}

	private AdminApi.Call read() {
		return this.client.get(path(""), AdminApi.Call.class);
	}

	private String path(String action) {
		return "calls/" + this.callId + action;
	}

	@Override
	public String toString() {
		return "RemoteSimulatedCall " + this.callId;
	}

}
