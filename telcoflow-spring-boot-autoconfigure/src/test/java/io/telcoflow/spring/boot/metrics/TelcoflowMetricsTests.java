package io.telcoflow.spring.boot.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.client.exception.WssAuthenticationException;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.client.exception.WssCallCommandTimeoutException;
import io.telcoflow.client.exception.WssCallException;
import io.telcoflow.client.exception.WssConnectionException;
import io.telcoflow.client.exception.WssException;
import io.telcoflow.client.exception.WssMediaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link TelcoflowMetrics}.
 */
class TelcoflowMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final TelcoflowClient client = mock(TelcoflowClient.class);

	private final TelcoflowMetrics metrics = new TelcoflowMetrics(this.registry, () -> this.client);

	static Stream<WssException> nonCommandExceptions() {
		return Stream.of(new WssException("x"), new WssConnectionException("x"), new WssAuthenticationException("x"),
				new WssMediaException("x"), new BufferFullException("x"), new BufferClosedException("x"),
				new WssCallException("x"), new WssCallClosedException("x"), new WssCallCommandTimeoutException("x"));
	}

	@ParameterizedTest
	@MethodSource("nonCommandExceptions")
	void sdkExceptionIncrementsErrorsTaggedWithItsSimpleName(WssException exception) {
		this.metrics.onError(exception, null);
		this.metrics.onError(exception, call("c"));
		Counter counter = this.registry.get(TelcoflowMetrics.ERRORS)
			.tag("exception", exception.getClass().getSimpleName())
			.tag("error.code", "none")
			.tag("source", "sdk")
			.counter();
		assertThat(counter.count()).isEqualTo(2);
		assertThat(totalErrors()).isEqualTo(2);
	}

	@Test
	void commandExceptionIsTaggedWithItsErrorCode() {
		this.metrics.onError(new WssCallCommandException("connect", "CALL_UNANSWERED", "no answer"), call("c"));
		assertThat(this.registry.get(TelcoflowMetrics.ERRORS)
			.tag("exception", "WssCallCommandException")
			.tag("error.code", "CALL_UNANSWERED")
			.counter()
			.count()).isOne();
		assertThat(totalErrors()).isOne();
	}

	@Test
	void unknownErrorCodeIsTaggedOther() {
		this.metrics.onError(new WssCallCommandException("answer", "SOMETHING_NEW", "?"), call("c"));
		assertThat(this.registry.get(TelcoflowMetrics.ERRORS).tag("error.code", "OTHER").counter().count()).isOne();
	}

	@Test
	void handlerThatLetsARejectedCommandEscapeIsCountedWithTheServersCode() {
		this.metrics.onHandlerFailed(call("c"), new WssCallCommandException("connect", "CONNECT_FAILED", "busy"));
		assertThat(this.registry.get(TelcoflowMetrics.ERRORS)
			.tag("exception", "WssCallCommandException")
			.tag("error.code", "CONNECT_FAILED")
			.tag("source", "handler")
			.tag("expected", "false")
			.counter()
			.count()).isOne();
	}

	@Test
	void theCallsEndRacingTheApplicationIsCountedAsExpected() {
		this.metrics.onError(new BufferClosedException("caller hung up"), call("c"));
		this.metrics.onError(new WssCallClosedException("caller hung up"), call("c"));
		this.metrics.onError(new BufferFullException("too much"), call("c"));
		assertThat(this.registry.get(TelcoflowMetrics.ERRORS).tag("expected", "true").counters())
			.extracting((counter) -> counter.getId().getTag("exception"))
			.containsExactlyInAnyOrder("BufferClosedException", "WssCallClosedException");
		assertThat(this.registry.get(TelcoflowMetrics.ERRORS).tag("expected", "true").counters())
			.allSatisfy((counter) -> assertThat(counter.count()).isOne());
		assertThat(this.registry.get(TelcoflowMetrics.ERRORS)
			.tag("exception", "BufferFullException")
			.tag("expected", "false")
			.counter()
			.count()).isOne();
	}

	@Test
	void handlerFailureIsCountedWithSourceHandler() {
		this.metrics.onHandlerFailed(call("c"), new IllegalStateException("boom"));
		assertThat(this.registry.get(TelcoflowMetrics.ERRORS)
			.tag("exception", "IllegalStateException")
			.tag("error.code", "none")
			.tag("source", "handler")
			.counter()
			.count()).isOne();
	}

	@Test
	void endedCallsAreCountedAndTimedByOutcome() {
		this.metrics.onCallEnded(call("a"), TerminationReason.CALLER_HANGUP, Duration.ofSeconds(10));
		this.metrics.onCallEnded(call("b"), TerminationReason.CALLER_HANGUP, Duration.ofSeconds(20));
		this.metrics.onCallEnded(call("c"), TerminationReason.ERROR, Duration.ofSeconds(1));
		assertThat(this.registry.get(TelcoflowMetrics.CALLS).tag("outcome", "CALLER_HANGUP").counter().count())
			.isEqualTo(2);
		assertThat(this.registry.get(TelcoflowMetrics.CALLS).tag("outcome", "ERROR").counter().count()).isOne();
		assertThat(this.registry.get(TelcoflowMetrics.CALLS).tag("outcome", "TIMEOUT").counter().count()).isZero();
		// how long calls last is the per-call observation's timer, telcoflow.call, not a second one
		assertThat(this.registry.find("telcoflow.call.duration").meters()).isEmpty();
	}

	@Test
	void commandsAreTimedByCommandAndOutcome() {
		this.metrics.onCommandCompleted(call("a"), "answer", Duration.ofMillis(40), null);
		this.metrics.onCommandCompleted(call("a"), "answer", Duration.ofMillis(60), null);
		this.metrics.onCommandCompleted(call("a"), "connect", Duration.ofSeconds(30), "CALL_UNANSWERED");
		this.metrics.onCommandCompleted(call("a"), "barge", Duration.ofSeconds(10), "TIMEOUT");
		Timer answers = this.registry.get(TelcoflowMetrics.COMMANDS)
			.tag("command", "answer")
			.tag("outcome", "SUCCESS")
			.timer();
		assertThat(answers.count()).isEqualTo(2);
		assertThat(answers.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100);
		assertThat(this.registry.get(TelcoflowMetrics.COMMANDS)
			.tag("command", "connect")
			.tag("outcome", "CALL_UNANSWERED")
			.timer()
			.count()).isOne();
		assertThat(this.registry.get(TelcoflowMetrics.COMMANDS)
			.tag("command", "barge")
			.tag("outcome", "TIMEOUT")
			.timer()
			.count()).isOne();
	}

	@Test
	void audioBytesAreCountedByDirection() {
		ActiveCall call = call("a");
		for (int i = 0; i < 50; i++) {
			this.metrics.onAudioReceived(call, 960);
		}
		this.metrics.onAudioSent(call, 960);
		this.metrics.onAudioSent(call, 480);
		assertThat(this.registry.get(TelcoflowMetrics.AUDIO_BYTES).tag("direction", "in").counter().count())
			.isEqualTo(48000);
		assertThat(this.registry.get(TelcoflowMetrics.AUDIO_BYTES).tag("direction", "out").counter().count())
			.isEqualTo(1440);
	}

	@Test
	void droppedInboundFramesAreCounted() {
		this.metrics.onInboundAudioDropped(call("a"), 960);
		this.metrics.onInboundAudioDropped(call("a"), 960);
		assertThat(this.registry.get(TelcoflowMetrics.AUDIO_INBOUND_DROPPED).counter().count()).isEqualTo(2);
	}

	@Test
	void reconnectAttemptsAreCounted() {
		this.metrics.onReconnectScheduled(1, Duration.ofSeconds(1));
		this.metrics.onReconnectScheduled(2, Duration.ofSeconds(2));
		assertThat(this.registry.get(TelcoflowMetrics.RECONNECTS).counter().count()).isEqualTo(2);
	}

	@Test
	void handlerDispatchDelayIsTimed() {
		this.metrics.onHandlerStarted(call("a"), Duration.ofMillis(3));
		Timer dispatch = this.registry.get(TelcoflowMetrics.HANDLER_DISPATCH).timer();
		assertThat(dispatch.count()).isOne();
		assertThat(dispatch.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3);
	}

	@Test
	void protocolErrorsAreCountedByConnection() {
		this.metrics.onProtocolError(null, "malformed JSON");
		this.metrics.onProtocolError(call("a"), "odd length");
		this.metrics.onProtocolError(call("a"), "unknown type");
		assertThat(this.registry.get(TelcoflowMetrics.PROTOCOL_ERRORS).tag("connection", "control").counter().count())
			.isOne();
		assertThat(this.registry.get(TelcoflowMetrics.PROTOCOL_ERRORS).tag("connection", "media").counter().count())
			.isEqualTo(2);
	}

	@Test
	void gaugesReadLiveCallsBufferedAudioAndConnectionState() {
		ActiveCall first = call("a");
		given(first.getSendAudioBufferSize()).willReturn(1000);
		ActiveCall second = call("b");
		given(second.getSendAudioBufferSize()).willReturn(234);
		given(this.client.getActiveCalls()).willReturn(List.of(first, second));
		given(this.client.getConnectionState()).willReturn(ConnectionState.READY);
		assertThat(this.registry.get(TelcoflowMetrics.CALLS_ACTIVE).gauge().value()).isEqualTo(2);
		assertThat(this.registry.get(TelcoflowMetrics.AUDIO_BUFFERED).gauge().value()).isEqualTo(1234);
		for (ConnectionState state : ConnectionState.values()) {
			assertThat(this.registry.get(TelcoflowMetrics.CONNECTION_STATE).tag("state", state.name()).gauge().value())
				.isEqualTo((state == ConnectionState.READY) ? 1 : 0);
		}
		given(this.client.getConnectionState()).willReturn(ConnectionState.RECONNECTING);
		assertThat(this.registry.get(TelcoflowMetrics.CONNECTION_STATE).tag("state", "READY").gauge().value()).isZero();
		assertThat(this.registry.get(TelcoflowMetrics.CONNECTION_STATE).tag("state", "RECONNECTING").gauge().value())
			.isOne();
	}

	@Test
	void droppedEventsCounterReadsTheClientsCount() {
		given(this.client.getDroppedEvents()).willReturn(42L);
		assertThat(this.registry.get(TelcoflowMetrics.EVENTS_DROPPED).functionCounter().count()).isEqualTo(42);
	}

	@Test
	void gaugesReadZeroWithoutClient() {
		SimpleMeterRegistry other = new SimpleMeterRegistry();
		new TelcoflowMetrics(other, () -> null);
		assertThat(other.get(TelcoflowMetrics.CALLS_ACTIVE).gauge().value()).isZero();
		assertThat(other.get(TelcoflowMetrics.CONNECTION_STATE).tag("state", "READY").gauge().value()).isZero();
	}

	@Test
	void everyMeterIsRegisteredUpFront() {
		assertThat(this.registry.getMeters()).map((meter) -> meter.getId().getName())
			.contains(TelcoflowMetrics.CALLS_ACTIVE, TelcoflowMetrics.CALLS, TelcoflowMetrics.AUDIO_BYTES, TelcoflowMetrics.AUDIO_INBOUND_DROPPED,
					TelcoflowMetrics.AUDIO_BUFFERED, TelcoflowMetrics.CONNECTION_STATE, TelcoflowMetrics.RECONNECTS,
					TelcoflowMetrics.HANDLER_DISPATCH, TelcoflowMetrics.PROTOCOL_ERRORS, TelcoflowMetrics.EVENTS_DROPPED,
					TelcoflowMetrics.ERRORS);
		assertThat(this.registry.getMeters()).map(Meter::getId)
			.allSatisfy((id) -> assertThat(id.getDescription()).isNotBlank());
	}

	private double totalErrors() {
		return this.registry.find(TelcoflowMetrics.ERRORS).counters().stream().mapToDouble(Counter::count).sum();
	}

	private static ActiveCall call(String id) {
		ActiveCall call = mock(ActiveCall.class);
		given(call.getCallId()).willReturn(id);
		return call;
	}

}
