package io.telcoflow.spring.boot.actuate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallState;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.spring.boot.actuate.TelcoflowEndpoint.CallDescriptor;
import io.telcoflow.spring.boot.actuate.TelcoflowEndpoint.HandlerDescriptor;
import io.telcoflow.spring.boot.actuate.TelcoflowEndpoint.TelcoflowDescriptor;
import io.telcoflow.spring.listener.CallArgumentResolver;
import io.telcoflow.spring.listener.IncomingCall;
import io.telcoflow.spring.listener.IncomingCallDispatcher;
import io.telcoflow.spring.listener.IncomingCallEndpoint;
import io.telcoflow.spring.listener.IncomingCallEndpointRegistry;
import io.telcoflow.spring.listener.TelcoflowLifecycle;
import io.telcoflow.spring.listener.UnmatchedCallAction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.expression.spel.standard.SpelExpressionParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link TelcoflowEndpoint}.
 */
class TelcoflowEndpointTests {

	private static final Instant NOW = Instant.parse("2026-01-01T10:01:05Z");

	private final TelcoflowClient client = mock(TelcoflowClient.class);

	private final TelcoflowEndpoint endpoint = new TelcoflowEndpoint(this.client, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void listsConnectionStateAndLiveCallsOldestFirst() {
		ActiveCall newer = call("call-2", CallState.PENDING, null, null, "2026-01-01T10:01:00Z", 0);
		ActiveCall older = call("call-1", CallState.ANSWERED, "+441632960001", "+441632960999",
				"2026-01-01T10:00:00Z", 9600);
		given(this.client.getActiveCalls()).willReturn(List.of(newer, older));
		given(this.client.getConnectionState()).willReturn(ConnectionState.READY);
		given(this.client.getMaxCalls()).willReturn(10);
		TelcoflowDescriptor descriptor = this.endpoint.telcoflow();
		assertThat(descriptor.connectionState()).isEqualTo("READY");
		assertThat(descriptor.maxCalls()).isEqualTo(10);
		assertThat(descriptor.calls()).containsExactly(
				new CallDescriptor("call-1", "ANSWERED", null, "*********0001", "*********0999", "2026-01-01T10:00:00Z",
						"PT1M5S", 9600, null),
				new CallDescriptor("call-2", "PENDING", null, null, null, "2026-01-01T10:01:00Z", "PT5S", 0, null));
	}

	@Test
	void jsonShowsMaskedNumbersAndNoCredentials() {
		ActiveCall call = call("call-1", CallState.ANSWERED, "+441632960001", "+441632960999", "2026-01-01T10:00:00Z",
				9600);
		given(this.client.getActiveCalls()).willReturn(List.of(call));
		given(this.client.getConnectionState()).willReturn(ConnectionState.READY);
		String json = JsonMapper.builder().build().writeValueAsString(this.endpoint.telcoflow());
		assertThat(json).contains("\"connectionState\":\"READY\"", "\"id\":\"call-1\"",
				"\"caller\":\"*********0001\"", "\"duration\":\"PT1M5S\"", "\"bufferedAudioBytes\":9600")
			.doesNotContain("+441632960001", "s3cr3t", "mediaToken");
	}

	@Test
	void showsTheTranscriptOfACallAVoiceAgentTalksOn() {
		ActiveCall call = call("call-1", CallState.ANSWERED, null, null, "2026-01-01T10:00:00Z", 0);
		given(this.client.getCall("call-1")).willReturn(Optional.of(call));
		List<CallTranscripts.TranscriptLine> lines = List.of(
				new CallTranscripts.TranscriptLine("agent", "Grand Hotel, good evening.", "", "2026-01-01T10:00:01Z"),
				new CallTranscripts.TranscriptLine("caller", "A room, please.", "", "2026-01-01T10:00:03Z"));
		TelcoflowEndpoint endpoint = new TelcoflowEndpoint(this.client, Clock.fixed(NOW, ZoneOffset.UTC), null, null,
				(callId) -> callId.equals("call-1") ? lines : null);
		CallDescriptor described = endpoint.call("call-1");
		assertThat(described).isNotNull();
		assertThat(described.transcript()).isEqualTo(lines);
		String json = JsonMapper.builder().build().writeValueAsString(described);
		assertThat(json).contains("\"speaker\":\"caller\"", "\"text\":\"A room, please.\"");
	}

	@Test
	void noCallsIsAnEmptyList() {
		given(this.client.getActiveCalls()).willReturn(List.of());
		given(this.client.getConnectionState()).willReturn(ConnectionState.RECONNECTING);
		assertThat(this.endpoint.telcoflow().calls()).isEmpty();
		assertThat(this.endpoint.telcoflow().connectionState()).isEqualTo("RECONNECTING");
	}

	@Test
	void describesOneCallBySelector() {
		ActiveCall call = call("call-1", CallState.CONNECTED, "+441632960001", null, "2026-01-01T10:01:00Z", 10);
		given(this.client.getCall("call-1")).willReturn(Optional.of(call));
		given(this.client.getCall("gone")).willReturn(Optional.empty());
		assertThat(this.endpoint.call("call-1")).isEqualTo(new CallDescriptor("call-1", "CONNECTED", null, "*********0001",
				null, "2026-01-01T10:01:00Z", "PT5S", 10, null));
		assertThat(this.endpoint.call("gone")).isNull();
	}

	@Test
	void showsTheHandlersAndTheHandlerThatTookEachLiveCall() throws Exception {
		IncomingCallEndpointRegistry registry = new IncomingCallEndpointRegistry();
		registry.register(endpoint("frontDesk", "onCall", null, 0));
		registry.register(endpoint("sales", "onCall", "calleeNumber == '+441632960100'", -1));
		IncomingCallDispatcher dispatcher = new IncomingCallDispatcher(registry, UnmatchedCallAction.FAIL);
		ActiveCall call = call("call-1", CallState.ANSWERED, null, "+441632960100", "2026-01-01T10:00:00Z", 0);
		given(call.terminationFuture()).willReturn(new CompletableFuture<>());
		dispatcher.onIncomingCall(call);
		given(this.client.getActiveCalls()).willReturn(List.of(call));
		given(this.client.getConnectionState()).willReturn(ConnectionState.READY);
		TelcoflowEndpoint endpoint = new TelcoflowEndpoint(this.client, Clock.fixed(NOW, ZoneOffset.UTC), null,
				dispatcher);
		TelcoflowDescriptor descriptor = endpoint.telcoflow();
		assertThat(descriptor.handlers()).containsExactly(
				new HandlerDescriptor("sales.onCall", -1, "calleeNumber == '+441632960100'", true),
				new HandlerDescriptor("frontDesk.onCall", 0, null, true));
		assertThat(descriptor.calls()).singleElement()
			.extracting(CallDescriptor::handler)
			.isEqualTo("sales.onCall");
	}

	@Test
	void writeOperationStopsAndStartsOneHandler() {
		IncomingCallEndpointRegistry registry = new IncomingCallEndpointRegistry();
		registry.register(endpoint("frontDesk", "onCall", null, 0));
		TelcoflowEndpoint endpoint = new TelcoflowEndpoint(this.client, Clock.fixed(NOW, ZoneOffset.UTC), null,
				new IncomingCallDispatcher(registry, UnmatchedCallAction.FAIL));
		given(this.client.getConnectionState()).willReturn(ConnectionState.READY);
		assertThat(endpoint.takeCalls(false, "frontDesk.onCall").handlers()).singleElement()
			.extracting(HandlerDescriptor::takingCalls)
			.isEqualTo(false);
		assertThat(registry.findEndpoint(new IncomingCall("c", null, null, NOW))).isNull();
		assertThat(endpoint.takeCalls(true, "frontDesk.onCall").handlers()).singleElement()
			.extracting(HandlerDescriptor::takingCalls)
			.isEqualTo(true);
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint.takeCalls(false, "frontDesk.typo"))
			.withMessageContaining("No @OnIncomingCall handler 'frontDesk.typo'")
			.withMessageContaining("frontDesk.onCall");
	}

	@Test
	void writeOperationStopsAndStartsTakingCalls() {
		TelcoflowLifecycle lifecycle = mock(TelcoflowLifecycle.class);
		TelcoflowEndpoint endpoint = new TelcoflowEndpoint(this.client, Clock.fixed(NOW, ZoneOffset.UTC), lifecycle,
				null);
		given(this.client.getConnectionState()).willReturn(ConnectionState.PAUSED);
		endpoint.takeCalls(false, null);
		then(lifecycle).should().stopTakingCalls();
		endpoint.takeCalls(true, null);
		then(lifecycle).should().startTakingCalls();
		willThrow(new IllegalStateException("The Telcoflow client is not running")).given(lifecycle)
			.startTakingCalls();
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint.takeCalls(true, null))
			.withMessage("The Telcoflow client is not running");
	}

	@Test
	void shortNumbersAreShownAsTheyAre() {
		assertThat(TelcoflowEndpoint.mask("112")).isEqualTo("112");
		assertThat(TelcoflowEndpoint.mask("+4412")).isEqualTo("*4412");
	}

	private static IncomingCallEndpoint endpoint(String beanName, String methodName, String condition, int order) {
		java.lang.reflect.Method method = org.springframework.util.ReflectionUtils.findMethod(Handlers.class,
				methodName);
		return new IncomingCallEndpoint(beanName, new Handlers(), method, new CallArgumentResolver[0],
				(condition != null) ? new SpelExpressionParser().parseExpression(condition) : null, order);
	}

	static class Handlers {

		void onCall() {
		}

	}

	private static ActiveCall call(String id, CallState state, String caller, String callee, String offeredAt,
			int buffered) {
		ActiveCall call = mock(ActiveCall.class);
		given(call.getCallId()).willReturn(id);
		given(call.getState()).willReturn(state);
		given(call.getCallerNumber()).willReturn(caller);
		given(call.getCalleeNumber()).willReturn(callee);
		given(call.getOfferedAt()).willReturn(Instant.parse(offeredAt));
		given(call.getSendAudioBufferSize()).willReturn(buffered);
		given(call.toJson()).willReturn("{\"mediaToken\":\"s3cr3t\"}");
		return call;
	}

}
