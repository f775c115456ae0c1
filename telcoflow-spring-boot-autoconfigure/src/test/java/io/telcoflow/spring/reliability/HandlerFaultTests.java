package io.telcoflow.spring.reliability;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.audio.AudioStream;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.boot.metrics.TelcoflowMetrics;
import io.telcoflow.spring.event.HandlerFailedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import static io.telcoflow.spring.reliability.ReliabilityApplications.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Handlers that fail: throw at once, after answering, or from the call's audio listener (only their
 * own call ends, reported once),
 * block on the call until the caller hangs up (the audio iterator ends, {@code sendAudio} throws
 * {@link BufferClosedException}, the handler returns), block on something else for ever (the call
 * still ends, and later calls are still handled), or stop reading audio (the inbound overflow
 * policy drops the oldest audio and counts it; another call's audio is not slowed down).
 */
class HandlerFaultTests {

	private static final String THROWS_AT_ONCE = "+441632960001";

	private static final String THROWS_AFTER_ANSWER = "+441632960002";

	private static final String AUDIO_LISTENER_THROWS = "+441632960006";

	private static final String BLOCKS_ON_THE_CALL = "+441632960003";

	private static final String BLOCKS_FOR_EVER = "+441632960004";

	private static final String READS_SLOWLY = "+441632960005";

	private static final int RAMP_STEP = 64;

	private static final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void startApplication() {
		// Two calls at most: a handler blocked for ever must not keep later calls from theirs.
		context = ReliabilityApplications.start(TestApplication.class, simulator, "telcoflow.max-concurrent-calls=2",
				"telcoflow.audio.inbound-queue-frames=5");
	}

	@AfterAll
	static void stop() {
		Handlers.forEver.countDown();
		Handlers.slowReaderMayGoOn.countDown();
		context.close();
		simulator.close();
	}

	@AfterEach
	void reset() {
		simulator.calls().forEach(SimulatedCall::hangUp);
		await().atMost(WAIT).until(() -> context.getBean(TelcoflowClient.class).getActiveCalls().isEmpty());
	}

	@ParameterizedTest
	@ValueSource(strings = { THROWS_AT_ONCE, THROWS_AFTER_ANSWER, AUDIO_LISTENER_THROWS })
	void throwingHandlerEndsOnlyItsOwnCallAndIsReportedOnce(String handler) {
		SimulatedCall other = echoedCall();
		// the caller talks, so that an audio listener has something to fail on
		SimulatedCall failing = simulator.placeCall(CallScript.builder()
			.calleeNumber(handler)
			.callerAudio(CallerAudio.tone(440, Duration.ofSeconds(5)))
			.build());
		assertThat(failing.awaitEnded(WAIT)).isEqualTo("disconnected");
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(Failures.failed).containsOnlyOnce(failing.callId())
				.doesNotContain(other.callId()));
		assertEchoes(other);
	}

	@Test
	void handlerBlockedOnTheCallReturnsWhenTheCallerHangsUp() {
		SimulatedCall call = simulator
			.placeCall(CallScript.builder().calleeNumber(BLOCKS_ON_THE_CALL).hangUpAfter(Duration.ofMillis(300)).build());
		assertThat(call.awaitEnded(WAIT)).isEqualTo("caller_hangup");
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(Handlers.afterTheEnd).containsEntry(call.callId(),
					BufferClosedException.class.getSimpleName()));
		assertThat(Failures.failed).doesNotContain(call.callId());
	}

	@Test
	void handlerBlockedForEverDoesNotKeepTheCallAliveNorLaterCallsFromTheirHandlers() {
		SimulatedCall stuck = simulator.placeCall(CallScript.builder().calleeNumber(BLOCKS_FOR_EVER).build());
		stuck.awaitState("ANSWERED", WAIT);
		stuck.hangUp();
		assertThat(stuck.awaitEnded(WAIT)).isEqualTo("caller_hangup");
		await().atMost(WAIT).until(() -> context.getBean(TelcoflowClient.class).getActiveCalls().isEmpty());
		// both call threads are taken by then: one for ever, one by each of these calls
		SimulatedCall first = echoedCall();
		SimulatedCall second = echoedCall();
		assertEchoes(first);
		assertEchoes(second);
	}

	@Test
	void slowReaderLosesItsOldestAudioCountedAndAnotherCallIsNotSlowedDown() {
		// The slow reader reads one chunk, then nothing until the test lets it go on: a reader as
		// slow as a loaded machine can make it, whatever the machine's load. Compared on the
		// media clock (frames sent, chunks read), never on wall time.
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		double droppedBefore = droppedFrames(meters);
		SimulatedCall slow = simulator.placeCall(
				CallScript.builder().calleeNumber(READS_SLOWLY).callerAudio(CallerAudio.pcm(positionRamp())).build());
		SimulatedCall fast = simulator.placeCall(ReliabilityApplications.talkingCaller());
		try {
			await().atMost(WAIT).until(() -> Handlers.slowAudio.get() != null);
			AudioStream slowAudio = Handlers.slowAudio.get();
			await().atMost(WAIT).until(() -> slowAudio.droppedChunks() >= 5);
			long droppedWhileStuck = slowAudio.droppedChunks();

			// another call's audio went on while the slow reader read nothing: a second of it echoed
			int oneSecond = 2 * slow.record().sampleRate();
			await().atMost(WAIT).until(() -> fast.record().agentAudioBytes() >= oneSecond);
			assertThat(Handlers.slowReads).hasSize(1);

			Handlers.slowReaderMayGoOn.countDown();
			await().atMost(WAIT).until(() -> Handlers.slowReads.size() >= 2);
			byte[] first = Handlers.slowReads.get(0);
			byte[] next = Handlers.slowReads.get(1);
			// what the slow reader read next is not what followed its first chunk: the oldest
			// audio was dropped, the newest kept
			assertThat(position(next) - position(first)).isGreaterThanOrEqualTo(2L * first.length - RAMP_STEP);
			// every dropped frame was counted (other calls' drops only add to the meter)
			await().atMost(WAIT).until(() -> droppedFrames(meters) - droppedBefore >= droppedWhileStuck);
			assertThat(slow.isEnded()).isFalse();
			assertThat(fast.isEnded()).isFalse();
		}
		finally {
			Handlers.slowReaderMayGoOn.countDown();
		}
	}

	private static double droppedFrames(MeterRegistry meters) {
		Counter counter = meters.find(TelcoflowMetrics.AUDIO_INBOUND_DROPPED).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * Caller audio whose samples tell their own position: every sample is its byte offset divided
	 * by {@link #RAMP_STEP}, for 60 s of audio at 24 kHz (longer than the test).
	 * @return the PCM
	 */
	private static byte[] positionRamp() {
		byte[] pcm = new byte[60 * 2 * 24_000];
		for (int offset = 0; offset < pcm.length; offset += 2) {
			int value = offset / RAMP_STEP;
			pcm[offset] = (byte) value;
			pcm[offset + 1] = (byte) (value >> 8);
		}
		return pcm;
	}

	private static long position(byte[] chunk) {
		int value = (chunk[0] & 0xFF) | ((chunk[1] & 0xFF) << 8);
		return (long) value * RAMP_STEP;
	}

	private static SimulatedCall echoedCall() {
		SimulatedCall call = simulator.placeCall(ReliabilityApplications.talkingCaller());
		call.awaitState("ANSWERED", WAIT);
		return call;
	}

	private static void assertEchoes(SimulatedCall call) {
		long echoed = call.record().agentAudioBytes();
		await().atMost(WAIT).until(() -> call.record().agentAudioBytes() > echoed);
		assertThat(call.isEnded()).isFalse();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Handlers.class, Failures.class })
	static class TestApplication {

	}

	static class Handlers {

		static final CountDownLatch forEver = new CountDownLatch(1);

		/** Holds the slow reader after its first chunk. */
		static final CountDownLatch slowReaderMayGoOn = new CountDownLatch(1);

		/** The slow reader's stream, once it answered. */
		static final AtomicReference<AudioStream> slowAudio = new AtomicReference<>();

		/** The slow reader's first two chunks. */
		static final List<byte[]> slowReads = new CopyOnWriteArrayList<>();

		/** What writing audio after the call ended did, by call id. */
		static final Map<String, String> afterTheEnd = new ConcurrentHashMap<>();

		@OnIncomingCall(condition = "calleeNumber == '" + THROWS_AT_ONCE + "'")
		void throwAtOnce(ActiveCall call) {
			throw new IllegalStateException("no model today");
		}

		@OnIncomingCall(condition = "calleeNumber == '" + THROWS_AFTER_ANSWER + "'")
		void throwAfterAnswer(ActiveCall call) {
			call.answer();
			throw new IllegalStateException("no model today");
		}

		@OnIncomingCall(condition = "calleeNumber == '" + AUDIO_LISTENER_THROWS + "'")
		void audioListenerThrows(ActiveCall call) {
			call.setAudioListener((pcm) -> {
				throw new IllegalStateException("no model today");
			});
			call.answer();
			// returns: the listener serves the call
		}

		@OnIncomingCall(condition = "calleeNumber == '" + BLOCKS_ON_THE_CALL + "'")
		void blockOnTheCall(ActiveCall call) {
			call.answer();
			for (byte[] chunk : call.audioStream()) {
				// block on the caller's audio until the call ends
			}
			try {
				call.sendAudio(new byte[960]);
				afterTheEnd.put(call.getCallId(), "nothing");
			}
			catch (BufferClosedException ex) {
				afterTheEnd.put(call.getCallId(), ex.getClass().getSimpleName());
			}
		}

		@OnIncomingCall(condition = "calleeNumber == '" + BLOCKS_FOR_EVER + "'")
		void blockForEver(ActiveCall call) throws InterruptedException {
			call.answer();
			forEver.await();
		}

		@OnIncomingCall(condition = "calleeNumber == '" + READS_SLOWLY + "'")
		void readSlowly(ActiveCall call) throws InterruptedException {
			call.answer();
			AudioStream audio = call.audioStream();
			Iterator<byte[]> chunks = audio.iterator();
			slowAudio.set(audio);
			if (chunks.hasNext()) {
				slowReads.add(chunks.next());
			}
			slowReaderMayGoOn.await();
			while (chunks.hasNext()) {
				byte[] chunk = chunks.next();
				if (slowReads.size() < 2) {
					slowReads.add(chunk);
				}
			}
		}

		@OnIncomingCall
		void echo(ActiveCall call) {
			call.answer();
			for (byte[] chunk : call.audioStream()) {
				call.sendAudio(chunk);
			}
		}

	}

	static class Failures {

		static final List<String> failed = new CopyOnWriteArrayList<>();

		@EventListener
		void on(HandlerFailedEvent event) {
			failed.add(event.getCallId());
		}

	}

}
