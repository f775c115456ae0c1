package io.telcoflow.test.container;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * Drives a simulator in another process through its {@link SimulatorAdminServer control API}, with
 * the same concepts as the embedded {@link TelcoflowSimulator}: place calls, wait for sessions,
 * read what the application did, inject faults. {@link TelcoflowSimulatorContainer} hands one out;
 * create one directly for a simulator image started some other way.
 */
public final class RemoteSimulator {

	private static final int DEFAULT_SAMPLE_RATE = 24000;

	private final SimulatorAdminClient client;

	/**
	 * Creates a client of a simulator's control API.
	 * @param host the control API's host
	 * @param adminPort the control API's port
	 */
	public RemoteSimulator(String host, int adminPort) {
		this.client = new SimulatorAdminClient(host, adminPort);
	}

	/**
	 * Places a call: the simulator offers it to a ready session. Caller audio is rendered at the
	 * sample rate of the first ready session (24 kHz when none is ready yet).
	 * @param script what the caller does
	 * @return the call
	 */
	public RemoteSimulatedCall placeCall(CallScript script) {
		int sampleRate = DEFAULT_SAMPLE_RATE;
		for (RemoteSession session : sessions()) {
			if (session.ready()) {
				sampleRate = session.sampleRate();
				break;
			}
		}
		AdminApi.Call call = this.client.postJson("calls", Map.of(), AdminApi.toRequest(script, sampleRate),
				Duration.ZERO, AdminApi.Call.class);
		return new RemoteSimulatedCall(this.client, call.callId());
	}

	/**
	 * Returns every call placed so far.
	 * @return the calls, oldest first
	 */
	public List<RemoteSimulatedCall> calls() {
		List<RemoteSimulatedCall> calls = new ArrayList<>();
		for (AdminApi.Call call : this.client.get("calls", new TypeReference<List<AdminApi.Call>>() {
		})) {
			calls.add(new RemoteSimulatedCall(this.client, call.callId()));
		}
		return calls;
	}

	/**
	 * Returns a call by id.
	 * @param callId the call id
	 * @return the call, {@code null} when the simulator placed no such call
	 */
	public @Nullable RemoteSimulatedCall call(String callId) {
		for (RemoteSimulatedCall call : calls()) {
			if (call.callId().equals(callId)) {
				return call;
			}
		}
		return null;
	}

	/**
	 * Returns the control connections the simulator has open.
	 * @return the sessions
	 */
	public List<RemoteSession> sessions() {
		return this.client.get("sessions", new TypeReference<List<RemoteSession>>() {
		});
	}

	/**
	 * Waits until a number of sessions are ready for calls.
	 * @param count how many ready sessions to wait for
	 * @param timeout how long to wait
	 * @throws AssertionError when they are not ready in time
	 */
	public void awaitReadySessions(int count, Duration timeout) {
		this.client.post("sessions/await-ready", Map.of("count", String.valueOf(count), "timeout", timeout.toString()),
				new byte[0], timeout);
	}

	/**
	 * Returns fault injection for this simulator.
	 * @return the faults
	 */
	public RemoteSimulatorFaults faults() {
		return new RemoteSimulatorFaults(this.client);
	}

}
