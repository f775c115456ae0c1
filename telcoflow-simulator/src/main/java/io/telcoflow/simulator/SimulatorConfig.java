package io.telcoflow.simulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The settings a built simulator runs with: a snapshot of its {@link TelcoflowSimulator.Builder},
 * so that changing the builder afterwards changes no simulator built from it.
 */
record SimulatorConfig(String apiKey, String connectorUuid, @Nullable SimulatorTls tls,
		boolean requireClientCertificate, String host, int port, Duration heartbeatInterval,
		Duration mediaOpenTimeout, Duration mediaResumeTimeout, boolean recordAgentAudio, int retainEndedCalls,
		@Nullable AudioFrameObserver audioFrameObserver) {

	/**
	 * Returns the base URL clients should dial, which is not always the address bound: the test
	 * certificate names {@code localhost}, and a wildcard address cannot be dialled.
	 * @param boundPort the port the server bound
	 * @return {@code ws://HOST:PORT} or {@code wss://localhost:PORT}
	 */
	String url(int boundPort) {
		String dialled;
		if (this.tls != null) {
			dialled = "localhost";
		}
		else if ("0.0.0.0".equals(this.host) || "::".equals(this.host)) {
			dialled = "127.0.0.1";
		}
		else {
			dialled = this.host.contains(":") ? "[" + this.host + "]" : this.host;
		}
		return ((this.tls != null) ? "wss://" : "ws://") + dialled + ":" + boundPort;
	}

}
