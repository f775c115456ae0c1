package io.telcoflow.client.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallState;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Audio both ways against the simulator: echo, playback, clearing; over {@code ws://}, {@code wss://} and mTLS.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(WireTransport.class)
class CallAudioTests {

	private final SimulatorFixture fixture;

	CallAudioTests(WireTransport transport) {
		this.fixture = new SimulatorFixture(transport);
	}

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void callerAudioEchoedBackArrivesAtTheSimulatorBitExact() throws Exception {
		RecordingClientListener listener = new RecordingClientListener();
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), listener, (call) -> {
			call.answer();
			for (byte[] chunk : call.audioStream()) {
				received.write(chunk, 0, chunk.length);
				call.sendAudio(chunk);
			}
		});
		byte[] callerAudio = CallerAudio.tone(440, Duration.ofMillis(1000)).render(24000);
		SimulatedCall simulated = this.fixture.simulator
			.placeCall(CallScript.builder().callerAudio(CallerAudio.pcm(callerAudio)).build());
		SimulatorFixture.take(calls);
		simulated.awaitState("ANSWERED", SimulatorFixture.WAIT);
		await().atMost(SimulatorFixture.WAIT)
			.until(() -> simulated.record().agentAudio().length >= callerAudio.length);
		simulated.hangUp();
		simulated.awaitEnded(SimulatorFixture.WAIT);
		assertThat(simulated.record().agentAudio()).startsWith(callerAudio);
		assertThat(simulated.record().protocolErrors()).isEmpty();
		assertThat(listener.audioSentBytes.get()).isGreaterThanOrEqualTo(callerAudio.length);
		assertThat(listener.audioReceivedBytes.get()).isGreaterThanOrEqualTo(callerAudio.length);
		assertThat(received.toByteArray()).startsWith(callerAudio);
	}

	@Test
	void awaitPlaybackReturnsOnceTheLastByteHasLeftAndNotBefore() throws Exception {
		// How soon it returns is a latency, measured by the benchmarks; this checks the order of events
		RecordingClientListener listener = new RecordingClientListener();
		BlockingQueue<Integer> pulledAtReturn = new java.util.concurrent.LinkedBlockingQueue<>();
		AtomicReference<SimulatedCall> simulated = new AtomicReference<>();
		byte[] prompt = CallerAudio.tone(300, Duration.ofMillis(500)).render(24000);
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), listener, (call) -> {
			call.answer();
			call.sendAudio(prompt);
			assertThat(call.awaitPlayback(Duration.ZERO)).as("played before any pull").isFalse();
			assertThat(call.awaitPlayback(SimulatorFixture.WAIT)).isTrue();
			assertThat(call.getSendAudioBufferSize()).isZero();
			pulledAtReturn.add(prompt.length - call.getSendAudioBufferSize());
		});
		simulated.set(this.fixture.simulator.placeCall(CallScript.defaults()));
		SimulatorFixture.take(calls);
		assertThat(pulledAtReturn.poll(SimulatorFixture.WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
			.isEqualTo(prompt.length);
		await().atMost(SimulatorFixture.WAIT)
			.untilAsserted(() -> assertThat(simulated.get().record().agentAudio()).isEqualTo(prompt));
	}

	@Test
	void clearingTheBufferSilencesTheCallWithinOneFrame() throws Exception {
		RecordingClientListener listener = new RecordingClientListener();
		AtomicReference<SimulatedCall> simulated = new AtomicReference<>();
		// measured on the handler's thread around clear(): bytes already taken, and the server's pulls
		BlockingQueue<int[]> atClear = new java.util.concurrent.LinkedBlockingQueue<>();
		byte[] longPrompt = CallerAudio.tone(300, Duration.ofSeconds(5)).render(24000);
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), listener, (call) -> {
			call.answer();
			call.sendAudio(longPrompt);
			await().atMost(SimulatorFixture.WAIT).until(() -> call.getSendAudioBufferSize() < longPrompt.length - 9600);
			int pullsBefore = simulated.get().record().pulls();
			int takenBefore = longPrompt.length - call.getSendAudioBufferSize();
			call.clearSendAudioBuffer();
			int pullsAfter = simulated.get().record().pulls();
			assertThat(call.getSendAudioBufferSize()).isZero();
			atClear.add(new int[] { takenBefore, pullsAfter - pullsBefore, pullsAfter });
		});
		simulated.set(this.fixture.simulator.placeCall(CallScript.defaults()));
		SimulatorFixture.take(calls);
		int[] clear = atClear.poll(SimulatorFixture.WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
		assertThat(clear).isNotNull();
		int takenBefore = clear[0];
		int pullsDuringClear = clear[1];
		// five more pulls answered with nothing but what was already on its way
		await().atMost(SimulatorFixture.WAIT).until(() -> simulated.get().record().pulls() >= clear[2] + 5);
		// what had been taken, plus a frame per pull that came while clear() ran and the one pull
		// already on its way; nothing after
		assertThat(simulated.get().record().agentAudio().length)
			.isLessThanOrEqualTo(takenBefore + 960 * (pullsDuringClear + 2));
		assertThat(simulated.get().record().agentAudio().length).isLessThan(longPrompt.length);
		assertThat(simulated.get().state()).isEqualTo("ANSWERED");
	}

	@Test
	void playedAudioBytesAreWhatTheServerReceivedUpToTheClear() throws Exception {
		RecordingClientListener listener = new RecordingClientListener();
		AtomicReference<SimulatedCall> simulated = new AtomicReference<>();
		BlockingQueue<long[]> atClear = new java.util.concurrent.LinkedBlockingQueue<>();
		byte[] longPrompt = CallerAudio.tone(300, Duration.ofSeconds(5)).render(24000);
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), listener, (call) -> {
			call.answer();
			assertThat(call.getPlayedAudioBytes()).isZero();
			call.sendAudio(longPrompt);
			await().atMost(SimulatorFixture.WAIT).until(() -> call.getSendAudioBufferSize() < longPrompt.length - 9600);
			call.clearSendAudioBuffer();
			long played = call.getPlayedAudioBytes();
			atClear.add(new long[] { played, simulated.get().record().pulls() });
		});
		simulated.set(this.fixture.simulator.placeCall(CallScript.defaults()));
		SimulatorFixture.take(calls);
		long[] clear = atClear.poll(SimulatorFixture.WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
		assertThat(clear).isNotNull();
		long played = clear[0];
		assertThat(played).isGreaterThanOrEqualTo(9600).isLessThan(longPrompt.length).isEven();
		// a few more pulls: every byte counted as played reached the server, and nothing else did
		await().atMost(SimulatorFixture.WAIT).until(() -> simulated.get().record().pulls() >= clear[1] + 5);
		assertThat(simulated.get().record().agentAudio()).hasSize((int) played)
			.isEqualTo(java.util.Arrays.copyOf(longPrompt, (int) played));
	}

	@Test
	void slowAudioReaderLosesTheOldestChunksAndNeverStallsTheCall() throws Exception {
		RecordingClientListener listener = new RecordingClientListener();
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(
				this.fixture.config().inboundQueueFrames(5).build(), listener, ActiveCall::answer);
		// 20 s of 20 ms frames, each sample holding its frame's number (1, 2, ...): a chunk says
		// which frame it was, so the reader can tell which were dropped
		int frames = 1000;
		ByteBuffer numbered = ByteBuffer.allocate(frames * 960).order(ByteOrder.LITTLE_ENDIAN);
		for (int frame = 1; frame <= frames; frame++) {
			for (int sample = 0; sample < 480; sample++) {
				numbered.putShort((short) frame);
			}
		}
		SimulatedCall simulated = this.fixture.simulator
			.placeCall(CallScript.builder().callerAudio(CallerAudio.pcm(numbered.array())).build());
		ActiveCall call = SimulatorFixture.take(calls);
		await().atMost(SimulatorFixture.WAIT).until(() -> call.audioStream().droppedChunks() >= 10);
		await().untilAsserted(() -> assertThat(listener.droppedInbound.get()).isGreaterThanOrEqualTo(10));
		assertThat(call.getState()).isEqualTo(CallState.ANSWERED);
		// frames 1..dropped are gone when the oldest go first, however many arrive meanwhile
		long droppedBeforeReading = call.audioStream().droppedChunks();
		java.util.Iterator<byte[]> chunks = call.audioStream().iterator();
		List<Integer> read = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			read.add(frameNumber(chunks.next()));
		}
		assertThat(read.get(0)).as("first frame kept").isGreaterThan((int) droppedBeforeReading);
		assertThat(read).isSorted().doesNotHaveDuplicates();
		simulated.hangUp();
		while (chunks.hasNext()) {
			chunks.next();
		}
		assertThat(call.audioStream().isEnded()).isTrue();
	}

	private static int frameNumber(byte[] chunk) {
		ShortBuffer samples = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
		int number = samples.get(0);
		while (samples.hasRemaining()) {
			assertThat((int) samples.get()).as("every sample of a chunk is its frame's number").isEqualTo(number);
		}
		return number;
	}

	@Test
	void sampleRateOfTheConfigurationIsUsedBothWays() throws Exception {
		RecordingClientListener listener = new RecordingClientListener();
		BlockingQueue<byte[]> chunks = new java.util.concurrent.LinkedBlockingQueue<>();
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().sampleRate(16000).build(),
				listener, (call) -> {
					call.answer();
					chunks.add(call.audioStream().iterator().next());
				});
		this.fixture.simulator.placeCall(
				CallScript.builder().callerAudio(CallerAudio.tone(440, Duration.ofMillis(500))).build());
		ActiveCall call = SimulatorFixture.take(calls);
		assertThat(call.getSampleRate()).isEqualTo(16000);
		assertThat(this.fixture.simulator.sessions().get(0).sampleRate()).isEqualTo(16000);
		// 20 ms at 16 kHz, 16-bit mono
		assertThat(chunks.poll(10, java.util.concurrent.TimeUnit.SECONDS)).hasSize(640);
	}

}
