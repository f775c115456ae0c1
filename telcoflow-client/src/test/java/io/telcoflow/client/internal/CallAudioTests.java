package io.telcoflow.client.internal;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallState;
import io.telcoflow.simulator.CallRecord;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Audio both ways against the simulator: echo, playback, clearing.
 */
class CallAudioTests {

	private final SimulatorFixture fixture = new SimulatorFixture();

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
	void awaitPlaybackReturnsWithinOnePullOfTheLastByteLeaving() throws Exception {
		RecordingClientListener listener = new RecordingClientListener();
		BlockingQueue<Instant> returned = new java.util.concurrent.LinkedBlockingQueue<>();
		byte[] prompt = CallerAudio.tone(300, Duration.ofMillis(500)).render(24000);
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), listener, (call) -> {
			call.answer();
			call.sendAudio(prompt);
			assertThat(call.awaitPlayback(Duration.ofSeconds(5))).isTrue();
			returned.add(Instant.now());
			assertThat(call.getSendAudioBufferSize()).isZero();
		});
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		SimulatorFixture.take(calls);
		Instant done = returned.poll(10, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(done).isNotNull();
		CallRecord record = simulated.record();
		await().untilAsserted(() -> assertThat(record.agentAudio()).isEqualTo(prompt));
		List<Instant> frames = record.audioFrames();
		Instant lastFrame = frames.get(frames.size() - 1);
		Duration afterLastFrame = Duration.between(lastFrame, done);
		LoggerFactory.getLogger(CallAudioTests.class).info("awaitPlayback returned {} µs after the last frame arrived",
				afterLastFrame.toNanos() / 1000);
		// within one pull (20 ms) of the last frame leaving, with scheduling slack on a loaded machine; it may
		// return before the simulator has read the frame, which was sent when the buffer drained
		assertThat(afterLastFrame.abs()).isLessThan(Duration.ofMillis(20 + 80));
	}

	@Test
	void clearingTheBufferSilencesTheCallWithinOneFrame() throws Exception {
		RecordingClientListener listener = new RecordingClientListener();
		BlockingQueue<Instant> cleared = new java.util.concurrent.LinkedBlockingQueue<>();
		byte[] longPrompt = CallerAudio.tone(300, Duration.ofSeconds(5)).render(24000);
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), listener, (call) -> {
			call.answer();
			call.sendAudio(longPrompt);
			await().atMost(SimulatorFixture.WAIT).until(() -> call.getSendAudioBufferSize() < longPrompt.length - 9600);
			call.clearSendAudioBuffer();
			cleared.add(Instant.now());
			assertThat(call.getSendAudioBufferSize()).isZero();
		});
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		SimulatorFixture.take(calls);
		Instant clearedAt = cleared.poll(10, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(clearedAt).isNotNull();
		int sentAtClear = simulated.record().agentAudio().length;
		int pullsAtClear = simulated.record().pulls();
		await().atMost(Duration.ofSeconds(2)).until(() -> simulated.record().pulls() >= pullsAtClear + 5);
		// at most the frame in flight when clear() ran may still have left
		assertThat(simulated.record().agentAudio().length - sentAtClear).isLessThanOrEqualTo(960);
		assertThat(simulated.record().agentAudio().length).isLessThan(longPrompt.length);
		assertThat(simulated.state()).isEqualTo("ANSWERED");
	}

	@Test
	void slowAudioReaderLosesTheOldestChunksAndNeverStallsTheCall() throws Exception {
		RecordingClientListener listener = new RecordingClientListener();
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(
				this.fixture.config().inboundQueueFrames(5).build(), listener, ActiveCall::answer);
		SimulatedCall simulated = this.fixture.simulator.placeCall(
				CallScript.builder().callerAudio(CallerAudio.tone(200, Duration.ofMillis(600))).build());
		ActiveCall call = SimulatorFixture.take(calls);
		await().atMost(SimulatorFixture.WAIT).until(() -> call.audioStream().droppedChunks() >= 10);
		await().untilAsserted(() -> assertThat(listener.droppedInbound.get()).isGreaterThanOrEqualTo(10));
		assertThat(call.getState()).isEqualTo(CallState.ANSWERED);
		simulated.hangUp();
		int read = 0;
		for (byte[] chunk : call.audioStream()) {
			read++;
		}
		assertThat(read).isLessThanOrEqualTo(5);
		assertThat(call.audioStream().isEnded()).isTrue();
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
