package io.telcoflow.client.internal.protocol;

import java.time.Instant;

import io.telcoflow.client.CallState;
import io.telcoflow.client.TerminationReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ProtocolCodec}.
 */
class ProtocolCodecTests {

	private final ProtocolCodec codec = new ProtocolCodec();

	@Test
	void decodesWelcomeWithDefaultsForMissingMembers() {
		assertThat(this.codec.decode("{\"type\":\"session.welcome\",\"session_id\":\"s-1\","
				+ "\"protocol\":\"telcoflow-wire/1\",\"heartbeat_interval_ms\":5000,\"future\":1}"))
			.isEqualTo(new ServerMessage.Welcome("s-1", "telcoflow-wire/1", 5000));
		assertThat(this.codec.decode("{\"type\":\"session.welcome\"}"))
			.isEqualTo(new ServerMessage.Welcome("", ProtocolCodec.PROTOCOL, 15000));
	}

	@Test
	void decodesIncomingCallWithNullNumbersAndMasksTheToken() {
		ServerMessage message = this.codec.decode("{\"type\":\"call.incoming\",\"call_id\":\"c1\",\"caller_number\":null,"
				+ "\"callee_number\":\"+44\",\"media_url\":\"/v1/calls/c1/media\",\"media_token\":\"secret-token\","
				+ "\"offered_at\":\"2026-01-01T00:00:00Z\"}");
		assertThat(message).isEqualTo(new ServerMessage.CallIncoming("c1", null, "+44", "/v1/calls/c1/media",
				"secret-token", Instant.parse("2026-01-01T00:00:00Z")));
		assertThat(message.toString()).doesNotContain("secret-token");
	}

	@Test
	void decodesMediaMessages() {
		assertThat(this.codec.decode("{\"type\":\"media.started\",\"call_id\":\"c1\",\"state\":\"PENDING\","
				+ "\"sample_rate\":24000,\"frame_ms\":20}"))
			.isEqualTo(new ServerMessage.MediaStarted("c1", CallState.PENDING, 24000, 20));
		assertThat(this.codec.decode("{\"type\":\"command.result\",\"id\":\"c-18\",\"ok\":true,\"state\":\"CONNECTED\"}"))
			.isEqualTo(new ServerMessage.CommandResult("c-18", true, CallState.CONNECTED, null, null));
		assertThat(this.codec.decode("{\"type\":\"command.result\",\"id\":\"c-18\",\"ok\":false,"
				+ "\"error_code\":\"CALL_UNANSWERED\",\"error_message\":\"no answer\"}"))
			.isEqualTo(new ServerMessage.CommandResult("c-18", false, null, "CALL_UNANSWERED", "no answer"));
		assertThat(this.codec.decode("{\"type\":\"call.state\",\"state\":\"ANSWERED\",\"previous\":\"PENDING\"}"))
			.isEqualTo(new ServerMessage.StateChanged(CallState.ANSWERED, CallState.PENDING));
		assertThat(this.codec.decode("{\"type\":\"call.dtmf\",\"digit\":\"#\",\"duration_ms\":120}"))
			.isEqualTo(new ServerMessage.Dtmf('#', 120));
		assertThat(this.codec.decode("{\"type\":\"call.terminated\",\"reason\":\"callee_hangup\"}"))
			.isEqualTo(new ServerMessage.Terminated(TerminationReason.CALLEE_HANGUP));
		assertThat(this.codec.decode("{\"type\":\"audio.pull\",\"bytes\":960}")).isEqualTo(new ServerMessage.AudioPull(960));
	}

	@Test
	void decodesControlNotices() {
		assertThat(this.codec.decode("{\"type\":\"call.ended\",\"call_id\":\"c1\",\"reason\":\"media_timeout\"}"))
			.isEqualTo(new ServerMessage.CallEnded("c1", "media_timeout"));
		assertThat(this.codec.decode("{\"type\":\"session.draining\",\"reconnect_after_ms\":2000}"))
			.isEqualTo(new ServerMessage.Draining(2000));
		assertThat(this.codec.decode("{\"type\":\"error\",\"code\":\"UNSUPPORTED_SAMPLE_RATE\",\"message\":\"no\"}"))
			.isEqualTo(new ServerMessage.Error("UNSUPPORTED_SAMPLE_RATE", "no"));
	}

	@Test
	void unknownTerminationReasonEndsTheCallAsError() {
		assertThat(this.codec.decode("{\"type\":\"call.terminated\",\"reason\":\"meteor\"}"))
			.isEqualTo(new ServerMessage.Terminated(TerminationReason.ERROR));
	}

	@Test
	void protocolErrorsBecomeInvalidMessagesNeverExceptions() {
		assertThat(invalid("{nope")).contains("malformed JSON");
		assertThat(invalid("[1,2]")).contains("not a JSON object");
		assertThat(invalid("{\"type\":7}")).contains("'type'");
		assertThat(invalid("{\"type\":\"call.bogus\"}")).contains("unknown type 'call.bogus'");
		assertThat(invalid("{\"type\":\"audio.pull\"}")).contains("bytes");
		assertThat(invalid("{\"type\":\"audio.pull\",\"bytes\":\"x\"}")).contains("non-integer");
		assertThat(invalid("{\"type\":\"command.result\",\"id\":\"c-1\"}")).contains("ok");
		assertThat(invalid("{\"type\":\"call.state\",\"state\":\"FLYING\"}")).contains("unknown state");
		assertThat(invalid("{\"type\":\"call.dtmf\",\"digit\":\"x\"}")).contains("invalid digit");
		assertThat(invalid("{\"type\":\"call.incoming\",\"call_id\":\"c\"}")).contains("media_url");
		assertThat(invalid("{\"type\":\"call.incoming\",\"call_id\":\"c\",\"media_url\":\"/m\",\"media_token\":\"t\","
				+ "\"offered_at\":\"yesterday\"}")).contains("offered_at");
		assertThat(invalid("\"" + "x".repeat(ProtocolCodec.MAX_TEXT_FRAME_BYTES) + "\"")).contains("exceeds");
	}

	@Test
	void oversizedFrameIsMeasuredInUtf8Bytes() {
		String text = "{\"type\":\"error\",\"code\":\"x\",\"message\":\"" + "é".repeat(33_000) + "\"}";
		assertThat(text.length()).isLessThan(ProtocolCodec.MAX_TEXT_FRAME_BYTES);
		assertThat(invalid(text)).contains("exceeds");
	}

	@Test
	void longInvalidContentIsShortenedInTheDescription() {
		String description = invalid("{\"type\":\"" + "z".repeat(500) + "\"}");
		assertThat(description.length()).isLessThan(100);
	}

	private String invalid(String text) {
		ServerMessage message = this.codec.decode(text);
		assertThat(message).isInstanceOf(ServerMessage.Invalid.class);
		return ((ServerMessage.Invalid) message).description();
	}

	@Test
	void encodesClientMessages() {
		assertThat(this.codec.encode(new ClientMessage.SessionReady(24000, 0)))
			.isEqualTo("{\"type\":\"session.ready\",\"sample_rate\":24000,\"max_calls\":0}");
		assertThat(this.codec.encode(new ClientMessage.SessionCapacity(3)))
			.isEqualTo("{\"type\":\"session.capacity\",\"available\":3}");
		assertThat(this.codec.encode(new ClientMessage.SessionPause())).isEqualTo("{\"type\":\"session.pause\"}");
		assertThat(this.codec.encode(new ClientMessage.Command("c-17", "answer", null)))
			.isEqualTo("{\"type\":\"command\",\"id\":\"c-17\",\"name\":\"answer\"}");
		assertThat(this.codec.encode(new ClientMessage.Command("c-18", "connect", 30)))
			.isEqualTo("{\"type\":\"command\",\"id\":\"c-18\",\"name\":\"connect\",\"ring_time_seconds\":30}");
	}

	@Test
	void handoverRoundTripsAndRejectsOtherJson() {
		CallHandover handover = new CallHandover("c1", "ws://127.0.0.1:1/v1/calls/c1/media", "tok", "+441", null, 16000,
				Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(this.codec.decodeHandover(this.codec.encodeHandover(handover))).isEqualTo(handover);
		assertThat(handover.toString()).doesNotContain("tok");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decodeHandover("{}"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decodeHandover("]"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.codec.decodeHandover("{\"type\":\"telcoflow.call\",\"call_id\":\"c\"}"))
			.withMessageContaining("media_url");
	}

	@Test
	void compactPullIsReadWithoutATreeAndEveryOtherFormFallsBackToTheFullDecoder() {
		assertThat(ProtocolCodec.compactPull("{\"type\":\"audio.pull\",\"bytes\":960}")).isEqualTo(960);
		assertThat(ProtocolCodec.compactPull("{\"type\":\"audio.pull\",\"bytes\":999999999}")).isEqualTo(999_999_999);
		assertThat(ProtocolCodec.compactPull("{\"type\":\"audio.pull\",\"bytes\":0}")).isZero();
		assertThat(ProtocolCodec.compactPull("{\"type\":\"audio.pull\",\"bytes\":0960}")).isZero();
		assertThat(ProtocolCodec.compactPull("{\"type\":\"audio.pull\",\"bytes\":9999999999}")).isZero();
		assertThat(ProtocolCodec.compactPull("{\"type\":\"audio.pull\",\"bytes\":-960}")).isZero();
		assertThat(ProtocolCodec.compactPull("{\"type\":\"audio.pull\",\"bytes\":96.0}")).isZero();
		assertThat(ProtocolCodec.compactPull("{\"type\":\"audio.pull\",\"bytes\":}")).isZero();
		assertThat(ProtocolCodec.compactPull("{\"type\": \"audio.pull\", \"bytes\": 960}")).isZero();
		assertThat(this.codec.decode("{\"type\": \"audio.pull\", \"bytes\": 960}"))
			.isEqualTo(new ServerMessage.AudioPull(960));
		assertThat(this.codec.decode("{\"type\":\"audio.pull\",\"bytes\":0}"))
			.isInstanceOf(ServerMessage.Invalid.class);
		assertThat(this.codec.decode("{\"type\":\"audio.pull\",\"bytes\":9999999999}"))
			.isInstanceOf(ServerMessage.Invalid.class);
	}

	@Test
	void numbersOutOfTheirRangeAreInvalidFrames() {
		assertThat(this.codec.decode("{\"type\":\"session.welcome\",\"heartbeat_interval_ms\":0}"))
			.isInstanceOf(ServerMessage.Invalid.class);
		assertThat(this.codec.decode("{\"type\":\"session.welcome\",\"heartbeat_interval_ms\":123456789012345678901234567890}"))
			.isInstanceOf(ServerMessage.Invalid.class);
		assertThat(this.codec.decode("{\"type\":\"session.draining\",\"reconnect_after_ms\":-1}"))
			.isInstanceOf(ServerMessage.Invalid.class);
		assertThat(this.codec.decode("{\"type\":\"call.dtmf\",\"digit\":\"5\",\"duration_ms\":99999999999999999999}"))
			.isInstanceOf(ServerMessage.Invalid.class);
	}

}
