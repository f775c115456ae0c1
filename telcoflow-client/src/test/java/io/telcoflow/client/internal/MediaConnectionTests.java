package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallState;
import io.telcoflow.client.HandlerFailureAction;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.WssMediaException;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Media connections against the simulator: loss and resume, hand-over, handler isolation,
 * protocol errors.
 */
class MediaConnectionTests {

	private final SimulatorFixture fixture = new SimulatorFixture();

	private final RecordingClientListener listener = new RecordingClientListener();

	private final RecordingCallListener callListener = new RecordingCallListener();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	private BlockingQueue<ActiveCall> answeringClient() {
		return this.fixture.readyClient(this.fixture.config().build(), this.listener, (call) -> {
			call.addListener(this.callListener);
			call.answer();
		});
	}

	@Test
	void droppedMediaConnectionIsResumedAndTheCallGoesOn() throws Exception {
		BlockingQueue<ActiveCall> calls = answeringClient();
		SimulatedCall simulated = this.fixture.simulator.placeCall(
				CallScript.builder().callerAudio(CallerAudio.tone(300, Duration.ofSeconds(3))).build());
		ActiveCall call = SimulatorFixture.take(calls);
		simulated.awaitState("ANSWERED", SimulatorFixture.WAIT);
		this.fixture.simulator.faults().dropMediaConnection(call.getCallId());
		await().atMost(SimulatorFixture.WAIT).until(() -> simulated.record().mediaConnections() == 2
				&& simulated.isMediaOpen());
		call.sendAudio(new byte[1920]);
		assertThat(call.awaitPlayback(Duration.ofSeconds(3))).isTrue();
		call.whisperAsync().exceptionally((ex) -> null).get();
		assertThat(call.getState()).isEqualTo(CallState.ANSWERED);
		assertThat(call.terminationFuture()).isNotDone();
		assertThat(this.listener.errorsOfType(WssMediaException.class)).isZero();
	}

	@Test
	void aCommandDuringAMediaResumeWaitsForTheResumedConnection() throws Exception {
		BlockingQueue<ActiveCall> calls = answeringClient();
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		DefaultActiveCall call = (DefaultActiveCall) SimulatorFixture.take(calls);
		simulated.awaitState("ANSWERED", SimulatorFixture.WAIT);
		// the first resume attempts are refused: the resume takes a few hundred milliseconds
		this.fixture.simulator.faults().refuseNextMediaConnections(2, 503);
		this.fixture.simulator.faults().dropMediaConnection(call.getCallId());
		await().atMost(SimulatorFixture.WAIT).until(() -> !call.media().resumed().isDone());
		call.disconnectAsync().get(SimulatorFixture.WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		assertThat(simulated.awaitEnded(SimulatorFixture.WAIT)).isEqualTo("disconnected");
		assertThat(simulated.record().mediaConnections()).isEqualTo(2);
		assertThat(this.listener.errorsOfType(WssMediaException.class)).isZero();
	}

	@Test
	void mediaThatCannotBeResumedEndsTheCallWithErrorAndTheReaderGetsMediaException() throws Exception {
		BlockingQueue<ActiveCall> calls = answeringClient();
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		ActiveCall call = SimulatorFixture.take(calls);
		simulated.awaitState("ANSWERED", SimulatorFixture.WAIT);
		this.fixture.simulator.faults().refuseMediaResume(call.getCallId());
		this.fixture.simulator.faults().dropMediaConnection(call.getCallId());
		assertThat(call.terminationFuture().get()).isEqualTo(TerminationReason.ERROR);
		assertThatExceptionOfType(WssMediaException.class).isThrownBy(() -> {
			for (byte[] chunk : call.audioStream()) {
				assertThat(chunk).isNotNull();
			}
		});
		await().untilAsserted(() -> assertThat(this.callListener.events).containsSubsequence("answered",
				"error:WssMediaException", "terminated:ERROR"));
		await().untilAsserted(() -> assertThat(this.listener.errorsOfType(WssMediaException.class)).isEqualTo(1));
		await().untilAsserted(() -> assertThat(this.listener.ended).containsExactly(TerminationReason.ERROR));
	}

	@Test
	void offerEndedBeforeTheMediaConnectionOpenedNeverReachesTheHandler() {
		BlockingQueue<ActiveCall> calls = answeringClient();
		this.fixture.simulator.faults().refuseNextMediaConnections(100, 503);
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		await().until(() -> !simulated.record().offeredTo().isEmpty());
		assertThat(this.fixture.lastClient().getCall(simulated.callId())).isPresent();
		// the handler's thread starts with the offer and waits for the media connection...
		await().until(() -> callThreadAlive(simulated.callId()));
		simulated.hangUp();
		await().until(() -> this.fixture.lastClient().getCall(simulated.callId()).isEmpty());
		// ...and ends without running the handler when the call ends first
		await().until(() -> !callThreadAlive(simulated.callId()));
		assertThat(calls).isEmpty();
		assertThat(this.listener.started).isEmpty();
	}

	@Test
	void handlerThreadStartsWithTheOfferAndRunsTheHandlerOnceTheMediaConnectionHasStarted() throws Exception {
		BlockingQueue<ActiveCall> calls = answeringClient();
		// every attempt refused until the thread has been seen (the client retries for 5 s)
		this.fixture.simulator.faults().refuseNextMediaConnections(Integer.MAX_VALUE, 503);
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		await().until(() -> callThreadAlive(simulated.callId()));
		assertThat(simulated.record().mediaOpenedAt()).as("media connection open when the thread was seen").isNull();
		assertThat(calls).as("handler ran before the media connection opened").isEmpty();
		this.fixture.simulator.faults().refuseNextMediaConnections(0, 503);
		ActiveCall call = SimulatorFixture.take(calls);
		assertThat(simulated.record().mediaOpenedAt()).as("media connection open when the handler ran").isNotNull();
		// the handler answered on its call's media connection
		await().until(() -> call.getState() == CallState.ANSWERED);
		simulated.hangUp();
	}

	private static boolean callThreadAlive(String callId) {
		return Thread.getAllStackTraces().keySet().stream()
			.anyMatch((thread) -> thread.getName().equals("telcoflow-call-" + callId) && thread.isAlive());
	}

	@Test
	void handedOverCallIsAttachedByAnotherClientAndEndsOnTheFirst() throws Exception {
		BlockingQueue<ActiveCall> calls = answeringClient();
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		ActiveCall first = SimulatorFixture.take(calls);
		simulated.awaitState("ANSWERED", SimulatorFixture.WAIT);
		RecordingClientListener otherListener = new RecordingClientListener();
		TelcoflowClient other = this.fixture.client(this.fixture.config().build(), otherListener);
		ActiveCall second = other.attachCall(first.toJson());
		assertThat(second.getCallId()).isEqualTo(first.getCallId());
		assertThat(second.getCallerNumber()).isEqualTo(first.getCallerNumber());
		assertThat(second.getState()).isEqualTo(CallState.ANSWERED);
		assertThat(first.terminationFuture().get()).isEqualTo(TerminationReason.CLOSED);
		byte[] audio = CallerAudio.tone(600, Duration.ofMillis(200)).render(24000);
		second.sendAudio(audio);
		assertThat(second.awaitPlayback(Duration.ofSeconds(3))).isTrue();
		await().untilAsserted(() -> assertThat(simulated.record().agentAudio()).endsWith(audio));
		assertThat(other.getCall(second.getCallId())).contains(second);
		assertThat(otherListener.handlersStarted.get()).isZero();
		second.disconnect();
		assertThat(second.terminationFuture().get()).isEqualTo(TerminationReason.DISCONNECTED);
	}

	@Test
	void attachCallRejectsWhatIsNotASerialisedCall() {
		TelcoflowClient client = this.fixture.client(this.fixture.config().build(), this.listener);
		assertThatIllegalArgumentException().isThrownBy(() -> client.attachCall("{\"type\":\"x\"}"));
		assertThatIllegalArgumentException().isThrownBy(() -> client.attachCall("not json"));
	}

	@Test
	void attachingAnUnknownCallFailsWithMediaException() throws Exception {
		BlockingQueue<ActiveCall> calls = answeringClient();
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		ActiveCall first = SimulatorFixture.take(calls);
		String json = first.toJson();
		simulated.hangUp();
		first.terminationFuture().get();
		TelcoflowClient other = this.fixture.client(this.fixture.config().build(), this.listener);
		assertThatExceptionOfType(WssMediaException.class).isThrownBy(() -> other.attachCall(json))
			.withMessageContaining("404");
	}

	@Test
	void handlerThatThrowsEndsOnlyItsOwnCall() throws Exception {
		AtomicReference<String> failing = new AtomicReference<>();
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), this.listener,
				(call) -> {
					call.answer();
					if (failing.compareAndSet(null, call.getCallId())) {
						throw new IllegalStateException("application bug");
					}
				});
		SimulatedCall bad = this.fixture.simulator.placeCall(CallScript.defaults());
		ActiveCall badCall = SimulatorFixture.take(calls);
		assertThat(bad.awaitEnded(SimulatorFixture.WAIT)).isEqualTo("disconnected");
		assertThat(badCall.terminationFuture().get()).isEqualTo(TerminationReason.DISCONNECTED);
		await().untilAsserted(() -> assertThat(this.listener.handlerFailures).singleElement()
			.satisfies((ex) -> assertThat(ex).hasMessage("application bug")));
		SimulatedCall good = this.fixture.simulator.placeCall(CallScript.defaults());
		SimulatorFixture.take(calls);
		good.awaitState("ANSWERED", SimulatorFixture.WAIT);
		assertThat(good.isEnded()).isFalse();
	}

	@Test
	void handlerFailureActionCloseReleasesTheCall() throws Exception {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(
				this.fixture.config().handlerFailureAction(HandlerFailureAction.CLOSE).build(), this.listener,
				(call) -> {
					call.answer();
					throw new Exception("checked failure");
				});
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		SimulatorFixture.take(calls);
		assertThat(simulated.awaitEnded(SimulatorFixture.WAIT)).isEqualTo("closed");
		assertThat(simulated.record().commandNames()).containsExactly("answer", "close");
	}

	@Test
	void handlersRunOnTheCallExecutorOrOnAThreadNamedAfterTheCall() throws Exception {
		BlockingQueue<String> threads = new java.util.concurrent.LinkedBlockingQueue<>();
		this.fixture.readyClient(this.fixture.config().build(), this.listener,
				(call) -> threads.add(Thread.currentThread().getName() + "|" + call.getCallId()));
		this.fixture.simulator.placeCall(CallScript.defaults());
		String[] first = threads.poll(10, java.util.concurrent.TimeUnit.SECONDS).split("\\|");
		assertThat(first[0]).isEqualTo("telcoflow-call-" + first[1]);

		java.util.concurrent.ExecutorService executor = Executors.newSingleThreadExecutor((task) -> new Thread(task, "app-pool"));
		try {
			TelcoflowClient client = TelcoflowClient.builder(this.fixture.config().build()).callExecutor(executor).build();
			client.onIncomingCall((call) -> threads.add(Thread.currentThread().getName()));
			this.fixture.lastClient().close();
			org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
				.until(() -> this.fixture.simulator.sessions().isEmpty());
			client.connect();
			client.ready();
			this.fixture.simulator.awaitReadySessions(1, java.time.Duration.ofSeconds(10));
			this.fixture.simulator.placeCall(CallScript.defaults());
			assertThat(threads.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("app-pool");
			client.close();
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void commandFuturesCompleteOffTheSocketThreads() throws Exception {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), this.listener,
				(call) -> {
				});
		this.fixture.simulator.placeCall(CallScript.defaults());
		ActiveCall call = SimulatorFixture.take(calls);
		// the result comes later than the dependent stage is attached, so the stage runs where it completes
		this.fixture.simulator.faults().delayCommandResults(Duration.ofMillis(300));
		CompletableFuture<String> thread = call.answerAsync().thenApply((ignored) -> Thread.currentThread().getName());
		assertThat(thread.get()).startsWith("telcoflow-event-");
	}

	@Test
	void protocolErrorsAreCountedAndTheConnectionsKept() throws Exception {
		BlockingQueue<ActiveCall> calls = answeringClient();
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		ActiveCall call = SimulatorFixture.take(calls);
		simulated.awaitState("ANSWERED", SimulatorFixture.WAIT);
		var faults = this.fixture.simulator.faults();
		faults.sendControlText("{not json");
		faults.sendControlText("{\"type\":\"no.such.type\"}");
		faults.sendControlText("{\"type\":\"error\",\"code\":\"X\",\"message\":\"" + "y".repeat(70_000) + "\"}");
		faults.sendMediaText(call.getCallId(), "{\"type\":\"command.result\",\"id\":\"c-999\",\"ok\":true}");
		faults.sendMediaBinary(call.getCallId(), new byte[3]);
		await().until(() -> this.listener.protocolErrors.size() == 5);
		assertThat(this.listener.protocolErrors).anySatisfy((error) -> assertThat(error).contains("malformed JSON"))
			.anySatisfy((error) -> assertThat(error).contains("unknown type"))
			.anySatisfy((error) -> assertThat(error).contains("exceeds"))
			.anySatisfy((error) -> assertThat(error).contains("unknown command id"))
			.anySatisfy((error) -> assertThat(error).contains("odd length"));
		call.whisperAsync().exceptionally((ex) -> null).get();
		assertThat(this.fixture.lastClient().getConnectionState()).isEqualTo(io.telcoflow.client.ConnectionState.READY);
		assertThat(this.listener.reconnectAttempts).isEmpty();
		assertThat(call.terminationFuture()).isNotDone();
	}

}
