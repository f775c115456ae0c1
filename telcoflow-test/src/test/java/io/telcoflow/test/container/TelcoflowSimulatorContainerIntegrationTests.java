package io.telcoflow.test.container;

import java.time.Duration;

import io.telcoflow.simulator.CallScript;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@EnabledIfSimulatorImage
@Testcontainers
class TelcoflowSimulatorContainerIntegrationTests {

	@Container
	static final TelcoflowSimulatorContainer telcoflow = new TelcoflowSimulatorContainer()
		.withCredentials("secret-container-key", "0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d75");

	@Test
	void listensOnHostLoopbackWithTheApiKeyKeptOffTheCommandLine() {
		assertThat(telcoflow.getUrl()).matches("ws://127\\.0\\.0\\.1:\\d+");
		assertThat(String.join(" ", telcoflow.getCommandParts())).doesNotContain("secret-container-key");
		assertThat(telcoflow.simulator().sessions()).isEmpty();
	}

	@Test
	void callWithNoApplicationStaysPendingUntilTheCallerHangsUp() {
		RemoteSimulatedCall call = telcoflow.placeCall(CallScript.defaults());

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> call.awaitState("ANSWERED", Duration.ofMillis(300)));
		call.hangUp();

		assertThat(call.awaitEnded(Duration.ofSeconds(5))).isEqualTo("caller_hangup");
		assertThat(telcoflow.simulator().call(call.callId())).isNotNull();
	}

}
