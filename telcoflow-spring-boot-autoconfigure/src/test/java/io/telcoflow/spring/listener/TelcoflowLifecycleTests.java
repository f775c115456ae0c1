package io.telcoflow.spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.IncomingCallHandler;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.WssAuthenticationException;
import io.telcoflow.client.exception.WssConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentMatchers;
import org.mockito.InOrder;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

/**
 * Tests for {@link TelcoflowLifecycle}.
 */
class TelcoflowLifecycleTests {

	private final TelcoflowClient client = mock(TelcoflowClient.class);

	private final IncomingCallHandler handler = (call) -> {
	};

	private final List<ActiveCall> liveCalls = new CopyOnWriteArrayList<>();

	TelcoflowLifecycleTests() {
		given(this.client.getActiveCalls()).willAnswer((invocation) -> new ArrayList<>(this.liveCalls));
	}

	@Test
	void startSetsTheHandlerThenConnectsThenDeclaresReady() {
		TelcoflowLifecycle lifecycle = new TelcoflowLifecycle(this.client, this.handler);
		lifecycle.start();
		InOrder order = inOrder(this.client);
		order.verify(this.client).onIncomingCall(this.handler);
		order.verify(this.client).connect();
		order.verify(this.client).ready();
		assertThat(lifecycle.isRunning()).isTrue();
	}

	@Test
	void startWithoutAnyEndpointConnectsButDoesNotDeclareReady() {
		IncomingCallDispatcher dispatcher = new IncomingCallDispatcher(new IncomingCallEndpointRegistry(),
				UnmatchedCallAction.FAIL);
		TelcoflowLifecycle lifecycle = new TelcoflowLifecycle(this.client, dispatcher);
		lifecycle.start();
		then(this.client).should().connect();
		then(this.client).should(never()).ready();
	}

	@Test
	void startWithUnreachableServerDoesNotFailAndStillDeclaresReadinessForWhenConnected() {
		willThrow(new WssConnectionException("Connection refused")).given(this.client).connect();
		TelcoflowLifecycle lifecycle = new TelcoflowLifecycle(this.client, this.handler);
		lifecycle.start();
		then(this.client).should().ready();
		assertThat(lifecycle.isRunning()).isTrue();
	}

	@Test
	void startWithRefusedCredentialsDoesNotFailAndDoesNotDeclareReady() {
		willThrow(new WssAuthenticationException("401")).given(this.client).connect();
		TelcoflowLifecycle lifecycle = new TelcoflowLifecycle(this.client, this.handler);
		lifecycle.start();
		then(this.client).should(never()).ready();
		assertThat(lifecycle.isRunning()).isTrue();
	}

	@Test
	void stopPausesWaitsForLiveCallsThenDisconnectsAndCallsBackOnce() {
		TelcoflowLifecycle lifecycle = startedLifecycle(Duration.ofSeconds(10));
		TestCall call = new TestCall("c1");
		this.liveCalls.add(call.mock);
		AtomicInteger callbacks = new AtomicInteger();
		lifecycle.stop(callbacks::incrementAndGet);
		assertThat(lifecycle.isRunning()).isFalse();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> then(this.client).should().pause());
		assertThat(callbacks).hasValue(0);
		call.end(TerminationReason.CALLER_HANGUP);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(callbacks).hasValue(1));
		InOrder order = inOrder(this.client);
		order.verify(this.client).pause();
		order.verify(this.client).disconnect();
		then(call.mock).should(never()).closeAsync();
		then(call.mock).should(never()).disconnectAsync();
		assertThat(callbacks).hasValue(1);
	}

	@Test
	void stopTakingCallsPausesTheClientAndRefusesTrafficUntilStartedAgain() {
		ApplicationEventPublisher publisher = mock(ApplicationEventPublisher.class);
		TelcoflowLifecycle lifecycle = new TelcoflowLifecycle(this.client, this.handler);
		lifecycle.setApplicationEventPublisher(publisher);
		lifecycle.start();
		assertThat(lifecycle.isTakingCalls()).isTrue();
		lifecycle.stopTakingCalls();
		lifecycle.stopTakingCalls();
		assertThat(lifecycle.isTakingCalls()).isFalse();
		assertThat(lifecycle.isRunning()).isTrue();
		InOrder order = inOrder(publisher, this.client);
		order.verify(this.client).pause();
		order.verify(publisher).publishEvent(ArgumentMatchers.<AvailabilityChangeEvent<?>>argThat(
				(event) -> event.getState() == ReadinessState.REFUSING_TRAFFIC));
		lifecycle.startTakingCalls();
		assertThat(lifecycle.isTakingCalls()).isTrue();
		order.verify(this.client).ready();
		order.verify(publisher).publishEvent(ArgumentMatchers.<AvailabilityChangeEvent<?>>argThat(
				(event) -> event.getState() == ReadinessState.ACCEPTING_TRAFFIC));
		then(this.client).should(times(1)).pause();
		then(this.client).should(times(2)).ready();
	}

	@Test
	void takingCallsCannotBeChangedWhenNotRunningOrWithoutAnyEndpoint() {
		TelcoflowLifecycle lifecycle = new TelcoflowLifecycle(this.client, this.handler);
		assertThatIllegalStateException().isThrownBy(lifecycle::stopTakingCalls)
			.withMessage("The Telcoflow client is not running");
		TelcoflowLifecycle empty = new TelcoflowLifecycle(this.client,
				new IncomingCallDispatcher(new IncomingCallEndpointRegistry(), UnmatchedCallAction.FAIL));
		empty.start();
		assertThat(empty.isTakingCalls()).isFalse();
		assertThatIllegalStateException().isThrownBy(empty::startTakingCalls)
			.withMessage("No @OnIncomingCall method exists to take calls");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void stopLogsTheDrainAtInfo(CapturedOutput output) {
		// a call that does not end by itself: closed at the drain timeout
		TelcoflowLifecycle lifecycle = startedLifecycle(Duration.ofMillis(100));
		this.liveCalls.add(new TestCall("c1").mock);
		lifecycle.stop();
		assertThat(output).contains("Telcoflow: no new calls are offered; 1 live call(s) finishing, for up to PT0.1S")
			.containsPattern("Telcoflow client stopped in \\d+ ms \\(1 call\\(s\\) ended by CLOSE\\)");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void stopWithoutLiveCallsStillSaysSo(CapturedOutput output) {
		TelcoflowLifecycle lifecycle = startedLifecycle(Duration.ofSeconds(10));
		lifecycle.stop();
		assertThat(output).contains("Telcoflow: no new calls are offered; no call is live")
			.containsPattern("Telcoflow client stopped in \\d+ ms\\R");
	}

	@Test
	void stopRefusesTrafficBeforePausing() {
		ApplicationEventPublisher publisher = mock(ApplicationEventPublisher.class);
		TelcoflowLifecycle lifecycle = startedLifecycle(Duration.ofSeconds(10));
		lifecycle.setApplicationEventPublisher(publisher);
		lifecycle.stop();
		InOrder order = inOrder(publisher, this.client);
		order.verify(publisher)
			.publishEvent(ArgumentMatchers.<AvailabilityChangeEvent<?>>argThat(
					(event) -> event.getState() == ReadinessState.REFUSING_TRAFFIC));
		order.verify(this.client).pause();
	}

	@Test
	void stopClosesCallsStillLiveAfterTheDrainTimeoutByDefault() {
		TelcoflowLifecycle lifecycle = startedLifecycle(Duration.ofMillis(100));
		TestCall call = new TestCall("c1");
		this.liveCalls.add(call.mock);
		AtomicInteger callbacks = new AtomicInteger();
		lifecycle.stop(callbacks::incrementAndGet);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(callbacks).hasValue(1));
		then(call.mock).should().closeAsync();
		then(call.mock).should(never()).disconnectAsync();
		then(this.client).should().disconnect();
	}

	@Test
	void stopDisconnectsCallsStillLiveAfterTheDrainTimeoutWhenConfigured() {
		TelcoflowLifecycle lifecycle = startedLifecycle(Duration.ofMillis(100));
		lifecycle.setShutdownAction(ShutdownAction.DISCONNECT);
		TestCall call = new TestCall("c1");
		this.liveCalls.add(call.mock);
		AtomicInteger callbacks = new AtomicInteger();
		lifecycle.stop(callbacks::incrementAndGet);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(callbacks).hasValue(1));
		then(call.mock).should().disconnectAsync();
		then(call.mock).should(never()).closeAsync();
	}

	@Test
	void stopDisconnectsTheClientEvenWhenAnEndedCallNeverConfirms() {
		TelcoflowLifecycle lifecycle = startedLifecycle(Duration.ZERO);
		lifecycle.setEndTimeout(Duration.ofMillis(50));
		ActiveCall stuck = mock(ActiveCall.class);
		given(stuck.getCallId()).willReturn("stuck");
		given(stuck.terminationFuture()).willReturn(new CompletableFuture<>());
		given(stuck.closeAsync()).willReturn(new CompletableFuture<>());
		this.liveCalls.add(stuck);
		AtomicInteger callbacks = new AtomicInteger();
		lifecycle.stop(callbacks::incrementAndGet);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(callbacks).hasValue(1));
		then(this.client).should().disconnect();
	}

	@Test
	void aNonDaemonThreadKeepsTheApplicationAliveUntilTheClientCloses() throws Exception {
		CountDownLatch closed = new CountDownLatch(1);
		CompletableFuture<Thread> awaiting = new CompletableFuture<>();
		willAnswer((invocation) -> {
			awaiting.complete(Thread.currentThread());
			closed.await();
			return null;
		}).given(this.client).awaitClosed();
		TelcoflowLifecycle lifecycle = new TelcoflowLifecycle(this.client, this.handler);
		lifecycle.start();
		Thread await = awaiting.get(5, TimeUnit.SECONDS);
		assertThat(await.getName()).isEqualTo("telcoflow-await");
		assertThat(await.isDaemon()).isFalse();
		closed.countDown();
		await.join(5000);
		assertThat(await.isAlive()).isFalse();
	}

	@Test
	void stopDisconnectsTheClientEvenWhenPausingFails() {
		willThrow(new IllegalStateException("closed")).given(this.client).pause();
		given(this.client.getActiveCalls()).willThrow(new IllegalStateException("broken"));
		TelcoflowLifecycle lifecycle = startedLifecycle(Duration.ZERO);
		AtomicInteger callbacks = new AtomicInteger();
		lifecycle.stop(callbacks::incrementAndGet);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(callbacks).hasValue(1));
		then(this.client).should().disconnect();
	}

	@Test
	void stopWhenNotRunningCallsBackAtOnce() {
		TelcoflowLifecycle lifecycle = new TelcoflowLifecycle(this.client, this.handler);
		AtomicInteger callbacks = new AtomicInteger();
		lifecycle.stop(callbacks::incrementAndGet);
		assertThat(callbacks).hasValue(1);
		then(this.client).should(never()).disconnect();
	}

	@Test
	void startAfterStopDoesNotConnectAgain() {
		TelcoflowLifecycle lifecycle = startedLifecycle(Duration.ZERO);
		lifecycle.stop();
		lifecycle.start();
		then(this.client).should().connect();
		assertThat(lifecycle.isRunning()).isFalse();
	}

	@Test
	void phaseIsAboveTheWebServerGracefulShutdownAndNotPauseable() {
		TelcoflowLifecycle lifecycle = new TelcoflowLifecycle(this.client, this.handler);
		assertThat(lifecycle.getPhase()).isGreaterThan(SmartLifecycle.DEFAULT_PHASE - 1024)
			.isLessThan(SmartLifecycle.DEFAULT_PHASE);
		assertThat(lifecycle.isPauseable()).isFalse();
	}

	private TelcoflowLifecycle startedLifecycle(Duration drainTimeout) {
		TelcoflowLifecycle lifecycle = new TelcoflowLifecycle(this.client, this.handler);
		lifecycle.setDrainTimeout(drainTimeout);
		lifecycle.start();
		return lifecycle;
	}

	/**
	 * A mock call whose termination the test controls; closing or disconnecting it ends it.
	 */
	private final class TestCall {

		private final ActiveCall mock = org.mockito.Mockito.mock(ActiveCall.class);

		private final CompletableFuture<TerminationReason> termination = new CompletableFuture<>();

		TestCall(String id) {
			given(this.mock.getCallId()).willReturn(id);
			given(this.mock.terminationFuture()).willReturn(this.termination);
			given(this.mock.closeAsync()).willAnswer((invocation) -> {
				end(TerminationReason.CLOSED);
				return CompletableFuture.completedFuture(null);
			});
			given(this.mock.disconnectAsync()).willAnswer((invocation) -> {
				end(TerminationReason.DISCONNECTED);
				return CompletableFuture.completedFuture(null);
			});
		}

		void end(TerminationReason reason) {
			this.termination.complete(reason);
			TelcoflowLifecycleTests.this.liveCalls.remove(this.mock);
		}

	}

}
