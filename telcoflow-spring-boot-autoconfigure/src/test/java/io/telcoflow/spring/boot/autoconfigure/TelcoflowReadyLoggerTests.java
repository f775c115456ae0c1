package io.telcoflow.spring.boot.autoconfigure;

import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TelcoflowReadyLogger}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TelcoflowReadyLoggerTests {

	private static final String UUID = TelcoflowAutoConfigurationTests.CONNECTOR_UUID;

	@Test
	void saysOnceWhereItIsConnectedAsWhichConnectorAndHowManyCallsItTakes(CapturedOutput output) {
		TelcoflowReadyLogger logger = new TelcoflowReadyLogger(TelcoflowConfig.builder()
			.url("wss://user:password@telcoflow.example.com:8443/v1?token=t0k3n")
			.apiKey("s3cr3t", UUID)
			.maxCalls(7)
			.build());
		logger.onConnectionStateChanged(ConnectionState.CONNECTING, ConnectionState.CONNECTED);
		assertThat(output).doesNotContain("ready for calls");
		logger.onConnectionStateChanged(ConnectionState.CONNECTED, ConnectionState.READY);
		logger.onConnectionStateChanged(ConnectionState.RECONNECTING, ConnectionState.READY);
		assertThat(output.toString().split("ready for calls", -1)).hasSize(2);
		assertThat(output).contains("Telcoflow client connected to wss://telcoflow.example.com:8443 as connector "
				+ UUID + " (API key) and ready for calls: at most 7 at once (telcoflow.max-concurrent-calls)")
			.doesNotContain("s3cr3t")
			.doesNotContain("password")
			.doesNotContain("t0k3n");
	}

	@Test
	void unlimitedCapacityIsSaidToo(CapturedOutput output) {
		new TelcoflowReadyLogger(
				TelcoflowConfig.builder().url("ws://127.0.0.1:9").apiKey("k", UUID).maxCalls(0).build())
			.onConnectionStateChanged(ConnectionState.CONNECTED, ConnectionState.READY);
		assertThat(output).contains("no limit on concurrent calls (telcoflow.max-concurrent-calls=0)");
	}

}
