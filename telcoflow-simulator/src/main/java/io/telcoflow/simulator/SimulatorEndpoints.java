package io.telcoflow.simulator;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.telcoflow.simulator.websocket.UpgradeDecision;
import io.telcoflow.simulator.websocket.UpgradeRequest;

/**
 * Decides on each upgrade request: which endpoint, whether it is authenticated, and which fault
 * refuses it.
 */
final class SimulatorEndpoints {

	private static final Pattern MEDIA_PATH = Pattern.compile("/v1/calls/([^/]+)/media");

	private final TelcoflowSimulator simulator;

	private final String apiKey;

	private final String connectorUuid;

	private final boolean requireClientCertificate;

	private final boolean tls;

	SimulatorEndpoints(TelcoflowSimulator simulator, String apiKey, String connectorUuid,
			boolean requireClientCertificate, boolean tls) {
		this.simulator = simulator;
		this.apiKey = apiKey;
		this.connectorUuid = connectorUuid;
		this.requireClientCertificate = requireClientCertificate;
		this.tls = tls;
	}

	/** Delays an answer on the connection's own thread (a fault). */
	private static void pause(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	UpgradeDecision upgrade(UpgradeRequest request) {
		SimulatorFaults faults = this.simulator.faults();
		if ("/v1/control".equals(request.path())) {
			this.simulator.controlAttempt();
			pause(faults.controlUpgradeDelay());
			int refusal = faults.takeControlRefusal();
			if (refusal != 0) {
				return UpgradeDecision.refuse(refusal);
			}
			int authFailure = authenticate(request);
			if (authFailure != 0) {
				return UpgradeDecision.refuse(authFailure);
			}
			return UpgradeDecision.accept(new SimulatedSession(this.simulator, mediaBaseUrl(request)).handler());
		}
		Matcher media = MEDIA_PATH.matcher(request.path());
		if (media.matches()) {
			int refusal = faults.takeMediaRefusal();
			if (refusal != 0) {
				return UpgradeDecision.refuse(refusal);
			}
			int authFailure = authenticate(request);
			if (authFailure != 0) {
				return UpgradeDecision.refuse(authFailure);
			}
			SimulatedCall call = this.simulator.call(media.group(1));
			return (call != null) ? call.mediaUpgrade(request) : UpgradeDecision.refuse(404);
		}
		return UpgradeDecision.refuse(404);
	}

	/** Returns 0 when the request is authenticated, else the HTTP status to refuse it with. */
	private int authenticate(UpgradeRequest request) {
		if (this.simulator.faults().credentialsRevoked()) {
			return 401;
		}
		if (this.requireClientCertificate) {
			// the TLS handshake already verified the chain against the test CA
			return request.clientCertificates().isEmpty() ? 401 : 0;
		}
		String authorization = request.header("authorization");
		if (authorization == null || !authorization.equals("Bearer " + this.apiKey)) {
			return 401;
		}
		return this.connectorUuid.equals(request.header("telcoflow-connector")) ? 0 : 403;
	}

	/** The media URL base as the client reached us (its Host header), so it works behind port mappings. */
	private String mediaBaseUrl(UpgradeRequest request) {
		String host = request.header("host");
		if (host == null || host.isBlank()) {
			return this.simulator.url();
		}
		return (this.tls ? "wss://" : "ws://") + host;
	}

}
