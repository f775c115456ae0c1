package io.telcoflow.spring.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link TelcoflowEventPublisher}.
 */
class TelcoflowEventPublisherTests {

	private final TelcoflowClient client = mock(TelcoflowClient.class);

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final List<String> threads = new CopyOnWriteArrayList<>();

	private final ApplicationEventPublisher recorder = (event) -> {
		this.threads.add(Thread.currentThread().getName());
		this.events.add(event);
	};

	private final TelcoflowEventPublisher publisher = new TelcoflowEventPublisher(this.recorder, () -> this.client);

	@AfterEach
	void destroy() throws InterruptedException {
		this.publisher.destroy();
	}

	static Stream<Arguments> exceptions() {
		return Stream.of(Arguments.of(new WssException("x"), TelcoflowErrorEvent.class),
				Arguments.of(new WssConnectionException("x"), ConnectionErrorEvent.class),
				Arguments.of(new WssAuthenticationException("x"), AuthenticationFailedEvent.class),
				Arguments.of(new WssMediaException("x"), MediaErrorEvent.class),
				Arguments.of(new BufferFullException("x"), BufferFullEvent.class),
				Arguments.of(new BufferClosedException("x"), BufferClosedEvent.class),
				Arguments.of(new WssCallException("x"), CallErrorEvent.class),
				Arguments.of(new WssCallClosedException("x"), CallClosedErrorEvent.class),
				Arguments.of(new WssCallCommandException("connect", "CALL_UNANSWERED", "no answer"),
						CallCommandFailedEvent.class),
				Arguments.of(new WssCallCommandTimeoutException("x"), CallCommandTimeoutEvent.class));
	}

	@ParameterizedTest
	@MethodSource("exceptions")
	void eachSdkExceptionBecomesExactlyOneEventOfItsType(WssException exception, Class<?> eventType)
			throws InterruptedException {
		this.publisher.onError(exception, call("call-1"));
		drain();
		assertThat(this.events).singleElement().isExactlyInstanceOf(eventType).satisfies((event) -> {
			TelcoflowErrorEvent error = (TelcoflowErrorEvent) event;
			assertThat(error.getException()).isSameAs(exception);
			assertThat(error.getCallId()).isEqualTo("call-1");
			assertThat(error.getClient()).isSameAs(this.client);
		});
	}

	@Test
	void onlyTheCallsEndRacingTheApplicationIsExpected() throws InterruptedException {
		exceptions().forEach((arguments) -> this.publisher.onError((WssException) arguments.get()[0], call("c")));
		this.publisher.onHandlerFailed(call("c"), new IllegalStateException("boom"));
		drain();
		assertThat(this.events).hasSize(11);
		assertThat(this.events).map(TelcoflowErrorEvent.class::cast)
			.filteredOn(TelcoflowErrorEvent::isExpected)
			.map(Object::getClass)
			.containsExactlyInAnyOrder(BufferClosedEvent.class, CallClosedErrorEvent.class);
	}

	@Test
	void connectionErrorWithoutCallHasNoCallId() throws InterruptedException {
		this.publisher.onError(new WssConnectionException("refused"), null);
		drain();
		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(ConnectionErrorEvent.class, (event) -> assertThat(event.getCallId()).isNull());
	}

	@Test
	void commandFailedEventCarriesCommandAndErrorCode() throws InterruptedException {
		this.publisher.onError(new WssCallCommandException("connect", "CALL_UNANSWERED", "no answer"), call("c"));
		drain();
		assertThat(this.events).singleElement().isInstanceOfSatisfying(CallCommandFailedEvent.class, (event) -> {
			assertThat(event.getCommand()).isEqualTo("connect");
			assertThat(event.getErrorCode()).isEqualTo("CALL_UNANSWERED");
			assertThat(event).isInstanceOf(CallErrorEvent.class);
		});
	}

	@Test
	void handlerFailureBecomesHandlerFailedEvent() throws InterruptedException {
		IllegalStateException failure = new IllegalStateException("boom");
		this.publisher.onHandlerFailed(call("call-7"), failure);
		drain();
		assertThat(this.events).singleElement().isInstanceOfSatisfying(HandlerFailedEvent.class, (event) -> {
			assertThat(event.getException()).isSameAs(failure);
			assertThat(event.getCallId()).isEqualTo("call-7");
		});
	}

	@Test
	void connectionLifecycleBecomesConnectedLostAndReconnectedEvents() throws InterruptedException {
		this.publisher.onConnectionStateChanged(ConnectionState.NEW, ConnectionState.CONNECTING);
		this.publisher.onConnectionStateChanged(ConnectionState.CONNECTING, ConnectionState.CONNECTED);
		this.publisher.onConnectionStateChanged(ConnectionState.CONNECTED, ConnectionState.READY);
		this.publisher.onConnectionStateChanged(ConnectionState.READY, ConnectionState.RECONNECTING);
		this.publisher.onConnectionStateChanged(ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
		this.publisher.onConnectionStateChanged(ConnectionState.CONNECTED, ConnectionState.READY);
		this.publisher.onConnectionStateChanged(ConnectionState.READY, ConnectionState.PAUSED);
		this.publisher.onConnectionStateChanged(ConnectionState.PAUSED, ConnectionState.CLOSED);
		drain();
		assertThat(this.events).map(Object::getClass)
			.containsExactly(TelcoflowConnectedEvent.class, TelcoflowConnectionLostEvent.class,
					TelcoflowReconnectedEvent.class);
		assertThat(((TelcoflowConnectionLostEvent) this.events.get(1)).getState())
			.isEqualTo(ConnectionState.RECONNECTING);
	}

	@Test
	void firstConnectionAfterFailedAttemptsIsConnectedNotReconnected() throws InterruptedException {
		this.publisher.onConnectionStateChanged(ConnectionState.NEW, ConnectionState.CONNECTING);
		this.publisher.onConnectionStateChanged(ConnectionState.CONNECTING, ConnectionState.RECONNECTING);
		this.publisher.onConnectionStateChanged(ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
		drain();
		assertThat(this.events).singleElement().isInstanceOf(TelcoflowConnectedEvent.class);
	}

	@Test
	void authenticationFailureIsPublishedOnceFromItsException() throws InterruptedException {
		this.publisher.onConnectionStateChanged(ConnectionState.CONNECTING, ConnectionState.AUTHENTICATION_FAILED);
		this.publisher.onError(new WssAuthenticationException("401"), null);
		drain();
		assertThat(this.events).singleElement().isInstanceOf(AuthenticationFailedEvent.class);
	}

	@Test
	void callLifecycleBecomesStartedAndEndedEvents() throws InterruptedException {
		ActiveCall call = call("call-3");
		given(call.getCallerNumber()).willReturn("+441632960001");
		given(call.getCalleeNumber()).willReturn("+441632960999");
		given(call.getOfferedAt()).willReturn(Instant.parse("2026-01-01T10:00:00Z"));
		this.publisher.onCallStarted(call);
		this.publisher.onCallEnded(call, TerminationReason.CALLER_HANGUP, Duration.ofSeconds(42));
		drain();
		assertThat(this.events).hasSize(2);
		assertThat(this.events.get(0)).isInstanceOfSatisfying(CallStartedEvent.class, (event) -> {
			assertThat(event.getCallId()).isEqualTo("call-3");
			assertThat(event.getCallerNumber()).isEqualTo("+441632960001");
			assertThat(event.getCalleeNumber()).isEqualTo("+441632960999");
			assertThat(event.getOfferedAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
		});
		assertThat(this.events.get(1)).isInstanceOfSatisfying(CallEndedEvent.class, (event) -> {
			assertThat(event.getCallId()).isEqualTo("call-3");
			assertThat(event.getOutcome()).isEqualTo(TerminationReason.CALLER_HANGUP);
			assertThat(event.getDuration()).isEqualTo(Duration.ofSeconds(42));
		});
	}

	@Test
	void eventsArePublishedOnThePublishersThreadNotTheCallersThread() throws InterruptedException {
		this.publisher.onError(new BufferFullException("full"), call("c"));
		drain();
		assertThat(this.threads).singleElement()
			.asString()
			.startsWith(TelcoflowEventPublisher.THREAD_NAME)
			.isNotEqualTo(Thread.currentThread().getName());
	}

	@Test
	void failingListenerDoesNotStopLaterEvents() throws InterruptedException {
		List<Object> delivered = new CopyOnWriteArrayList<>();
		TelcoflowEventPublisher failingOnce = new TelcoflowEventPublisher(new ApplicationEventPublisher() {

			private boolean failed;

			@Override
			public void publishEvent(Object event) {
				if (!this.failed) {
					this.failed = true;
					throw new IllegalStateException("listener failed");
				}
				delivered.add(event);
			}

		}, () -> this.client);
		failingOnce.onError(new WssException("first"), null);
		failingOnce.onError(new WssException("second"), null);
		failingOnce.destroy();
		assertThat(delivered).singleElement()
			.isInstanceOfSatisfying(TelcoflowErrorEvent.class,
					(event) -> assertThat(event.getException()).hasMessage("second"));
	}

	@Test
	void fullQueueDropsEventsInsteadOfBlockingTheCaller() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch firstTaken = new CountDownLatch(1);
		List<Object> delivered = new CopyOnWriteArrayList<>();
		TelcoflowEventPublisher slow = new TelcoflowEventPublisher((event) -> {
			firstTaken.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			delivered.add(event);
		}, () -> this.client, 1);
		slow.onError(new WssException("1"), null);
		assertThat(firstTaken.await(5, TimeUnit.SECONDS)).isTrue();
		slow.onError(new WssException("2"), null);
		slow.onError(new WssException("3"), null);
		assertThat(slow.getDroppedEventCount()).isOne();
		release.countDown();
		slow.destroy();
		assertThat(delivered).hasSize(2);
	}

	@Test
	void destroyPublishesQueuedEvents() throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			this.publisher.onError(new BufferFullException("full"), call("c"));
		}
		this.publisher.destroy();
		assertThat(this.events).hasSize(100);
	}

	@Test
	void errorEventToStringShowsNoExceptionMessage() throws InterruptedException {
		this.publisher.onError(new WssConnectionException("secret-ish detail"), call("c-1"));
		drain();
		assertThat(this.events).singleElement()
			.asString()
			.isEqualTo("ConnectionErrorEvent[callId=c-1, exception=WssConnectionException]");
	}

	private void drain() throws InterruptedException {
		this.publisher.destroy();
	}

	private static ActiveCall call(String id) {
		ActiveCall call = mock(ActiveCall.class);
		given(call.getCallId()).willReturn(id);
		return call;
	}

}
