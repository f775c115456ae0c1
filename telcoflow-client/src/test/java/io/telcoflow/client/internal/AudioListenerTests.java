package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ActiveCall#setAudioListener}: the caller's audio handed to application code on the media
 * reader thread, in order, instead of the stream; an echo written from there leaves on the pull of
 * its own caller frame; a listener that throws ends its own call and no other.
 */
class AudioListenerTests {

	private static final int FRAMES = 50;

	private static final String FAILING_CALLEE = "+441632960666";

	private final FrameSequencer sequencer = new FrameSequencer(Integer.MAX_VALUE);

	private final SimulatorFixture fixture = new SimulatorFixture(
			TelcoflowSimulator.builder().heartbeatInterval(Duration.ofSeconds(2)).audioFrameObserver(this.sequencer));

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void listenerGetsEveryChunkInOrderOnTheReaderThreadAndTheStreamGetsNone() throws Exception {
		List<Integer> sequences = new CopyOnWriteArrayList<>();
		List<String> threads = new CopyOnWriteArrayList<>();
		List<String> handlerThread = new CopyOnWriteArrayList<>();
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(),
				new RecordingClientListener(), (call) -> {
					handlerThread.add(Thread.currentThread().getName());
					call.setAudioListener((pcm) -> {
						sequences.add(FrameSequencer.sequence(pcm));
						threads.add(Thread.currentThread().getName());
						call.sendAudio(pcm);
					});
					call.answer();
					// the handler returns: the call goes on, served by the listener
				});
		SimulatedCall simulated = placeTalkingCall();
		ActiveCall call = SimulatorFixture.take(calls);
		await().atMost(SimulatorFixture.WAIT).until(() -> sequences.size() >= FRAMES);
		simulated.hangUp();
		assertThat(call.terminationFuture().get(SimulatorFixture.WAIT.toSeconds(), TimeUnit.SECONDS))
			.isEqualTo(TerminationReason.CALLER_HANGUP);
		List<Integer> received = List.copyOf(sequences);
		for (int i = 1; i < received.size(); i++) {
			assertThat(received.get(i)).as("chunk %d follows chunk %d", i, i - 1).isEqualTo(received.get(i - 1) + 1);
		}
		// the socket's reader (an event loop of the transport), never the handler's or the SDK's event thread
		assertThat(threads).doesNotContainAnyElementsOf(handlerThread)
			.allSatisfy((name) -> assertThat(name).startsWith("telcoflow-io"));
		assertThat(call.audioStream().poll(Duration.ZERO)).as("the stream got a chunk").isNull();
		assertThat(this.sequencer.echoed.get()).isGreaterThanOrEqualTo(FRAMES);
		// echoed from the reader thread, most leave on the pull of their own caller frame (how many
		// is the benchmarks' business: on a loaded machine a stall can delay any of them)
		assertThat(this.sequencer.onTime.get()).as("echoes on the pull of their caller frame, of %d",
				this.sequencer.echoed.get())
			.isGreaterThanOrEqualTo(this.sequencer.echoed.get() / 2);
		assertThat(simulated.record().protocolErrors()).isEmpty();
	}

	@Test
	void chunksGoBackToTheStreamWhenTheListenerIsRemoved() throws Exception {
		AtomicInteger heard = new AtomicInteger();
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(),
				new RecordingClientListener(), (call) -> {
					call.setAudioListener((pcm) -> heard.incrementAndGet());
					call.answer();
				});
		SimulatedCall simulated = placeTalkingCall();
		ActiveCall call = SimulatorFixture.take(calls);
		await().atMost(SimulatorFixture.WAIT).until(() -> heard.get() >= 5);
		assertThat(call.audioStream().poll(Duration.ZERO)).isNull();
		call.setAudioListener(null);
		int heardBefore = heard.get();
		assertThat(call.audioStream().poll(SimulatorFixture.WAIT)).isNotNull();
		assertThat(heard.get()).isLessThanOrEqualTo(heardBefore + 1); // at most one was in flight
		simulated.hangUp();
	}

	@Test
	void listenerThatThrowsEndsItsOwnCallOnly() throws Exception {
		RecordingClientListener listener = new RecordingClientListener();
		AtomicInteger goodChunks = new AtomicInteger();
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), listener,
				(call) -> {
					boolean failing = FAILING_CALLEE.equals(call.getCalleeNumber());
					call.setAudioListener((pcm) -> {
						if (failing) {
							throw new IllegalStateException("listener bug");
						}
						goodChunks.incrementAndGet();
						call.sendAudio(pcm);
					});
					call.answer();
				});
		SimulatedCall failing = this.fixture.simulator.placeCall(CallScript.builder()
			.calleeNumber(FAILING_CALLEE)
			.callerAudio(CallerAudio.tone(440, Duration.ofSeconds(30)))
			.build());
		SimulatedCall healthy = placeTalkingCall();
		ActiveCall failingCall = SimulatorFixture.take(calls);
		ActiveCall healthyCall = SimulatorFixture.take(calls);
		if (!failingCall.getCallId().equals(failing.callId())) {
			ActiveCall first = failingCall;
			failingCall = healthyCall;
			healthyCall = first;
		}
		assertThat(failingCall.terminationFuture().get(SimulatorFixture.WAIT.toSeconds(), TimeUnit.SECONDS))
			.isEqualTo(TerminationReason.DISCONNECTED);
		assertThat(failing.awaitEnded(SimulatorFixture.WAIT)).isEqualTo("disconnected");
		assertThat(listener.handlerFailures).singleElement()
			.satisfies((failure) -> assertThat(failure).hasMessage("listener bug"));
		int before = goodChunks.get();
		await().atMost(SimulatorFixture.WAIT).until(() -> goodChunks.get() > before + 10);
		assertThat(healthy.isEnded()).isFalse();
		assertThat(healthyCall.terminationFuture()).isNotDone();
		healthy.hangUp();
	}

	@Test
	void blockingCallMethodsAreRefusedInsideAListenerAndTheirAsyncVariantsWork() throws Exception {
		List<Throwable> refused = new CopyOnWriteArrayList<>();
		List<String> asyncDone = new CopyOnWriteArrayList<>();
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(),
				new RecordingClientListener(), (call) -> {
					call.setAudioListener((pcm) -> {
						if (!refused.isEmpty()) {
							return;
						}
						for (Runnable blocking : List.<Runnable>of(() -> call.awaitPlayback(Duration.ofSeconds(1)),
								call::disconnect, call::whisper)) {
							try {
								blocking.run();
							}
							catch (RuntimeException ex) {
								refused.add(ex);
							}
						}
						call.whisperAsync().whenComplete((ok, failure) -> asyncDone.add(String.valueOf(failure)));
					});
					call.answer();
				});
		SimulatedCall simulated = placeTalkingCall();
		ActiveCall call = SimulatorFixture.take(calls);
		await().atMost(SimulatorFixture.WAIT).until(() -> !asyncDone.isEmpty());
		assertThat(refused).hasSize(3)
			.allSatisfy((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class).hasMessageContaining("Async"));
		// the refused methods did nothing: the call goes on, and the asynchronous command got its answer
		assertThat(call.terminationFuture()).isNotDone();
		assertThat(simulated.isEnded()).isFalse();
		assertThat(simulated.record().commandNames()).contains("whisper").doesNotContain("disconnect");
		simulated.hangUp();
	}

	private SimulatedCall placeTalkingCall() {
		return this.fixture.simulator.placeCall(
				CallScript.builder().callerAudio(CallerAudio.tone(440, Duration.ofSeconds(30))).build());
	}

}
