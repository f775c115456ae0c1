package io.telcoflow.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TelcoflowConfig} and {@link ReconnectBackoff}.
 */
class TelcoflowConfigTests {

	private static final String CONNECTOR = "0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d70";

	private TelcoflowConfig.Builder valid() {
		return TelcoflowConfig.builder().url("wss://telcoflow.example.com").apiKey("secret-key", CONNECTOR);
	}

	@Test
	void defaultsFollowThePythonSdk() {
		TelcoflowConfig config = valid().build();
		assertThat(config.getSampleRate()).isEqualTo(24000);
		assertThat(config.getOutgoingBufferSize()).isEqualTo(1024 * 1024);
		assertThat(config.getCommandTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(config.getReconnectBackoff()).isEqualTo(ReconnectBackoff.DEFAULT);
		assertThat(config.isAllowInsecureTransport()).isFalse();
		assertThat(config.getMaxCalls()).isZero();
		assertThat(config.getHandlerFailureAction()).isEqualTo(HandlerFailureAction.DISCONNECT);
	}

	@Test
	void toStringNeverShowsTheApiKey() {
		assertThat(valid().build().toString()).doesNotContain("secret-key").contains(CONNECTOR);
	}

	@Test
	void plainWebSocketIsOnlyAllowedToLoopbackUnlessExplicitlyAllowed() {
		valid().url("ws://127.0.0.1:8080").build();
		valid().url("ws://localhost:8080").build();
		valid().url("ws://[::1]:8080").build();
		assertThatIllegalArgumentException().isThrownBy(() -> valid().url("ws://telcoflow.example.com").build())
			.withMessageContaining("allowInsecureTransport");
		valid().url("ws://telcoflow.example.com").allowInsecureTransport(true).build();
	}

	@Test
	void invalidValuesNameTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> valid().url("http://x").build()).withMessageContaining("'url'");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().sampleRate(44100).build())
			.withMessageContaining("'sampleRate'");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().outgoingBufferSize(100).build())
			.withMessageContaining("'outgoingBufferSize'");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().commandTimeout(Duration.ZERO).build())
			.withMessageContaining("'commandTimeout'");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().maxCalls(-1).build())
			.withMessageContaining("'maxCalls'");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().apiKey("k", "not-a-uuid").build())
			.withMessageContaining("'connectorUuid'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TelcoflowConfig.builder().url("wss://telcoflow.example.com").build())
			.withMessageContaining("no authentication");
	}

	@Test
	void backoffCeilingGrowsByTheFactorUpToTheCap() {
		ReconnectBackoff backoff = ReconnectBackoff.DEFAULT;
		assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(500));
		assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(1000));
		assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofMillis(4000));
		assertThat(backoff.ceiling(20)).isEqualTo(Duration.ofSeconds(30));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(2)))
			.withMessageContaining("reconnectBackoff.multiplier");
	}

}
