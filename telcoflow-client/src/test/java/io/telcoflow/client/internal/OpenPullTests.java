package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The open pull: a pull that finds the outgoing buffer empty stays open until the next one, and
 * audio appended meanwhile goes out on it. The simulator sends each caller frame together with its
 * pull, so an echo's frame can only leave on the pull that came with its caller frame if that pull
 * waited for the echo.
 */
class OpenPullTests {

	private static final int FRAMES = 50;

	private final FrameSequencer counter = new FrameSequencer(FRAMES);

	private final SimulatorFixture fixture = new SimulatorFixture(
			TelcoflowSimulator.builder().heartbeatInterval(Duration.ofSeconds(2)).audioFrameObserver(this.counter));

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void echoOfACallerFrameLeavesOnThePullThatCameWithIt() throws Exception {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(),
				new RecordingClientListener(), (call) -> {
					call.answer();
					// one frame of delay at most: a loop that fell behind once (a loaded machine) returns
					// to the live audio instead of staying a frame late for the rest of the call
					for (byte[] chunk : call.audioStream().limitDelay(Duration.ofMillis(20))) {
						call.sendAudio(chunk);
					}
				});
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.builder()
			.callerAudio(CallerAudio.tone(440, Duration.ofMillis(20L * FRAMES)))
			.build());
		SimulatorFixture.take(calls);
		await().atMost(SimulatorFixture.WAIT).until(() -> this.counter.echoed.get() >= FRAMES);
		simulated.hangUp();
		// without the open pull every echo leaves one pull late (0 on time); with it, all but those
		// delayed by a stall of this machine leave on time
		assertThat(this.counter.onTime.get()).as("echoes on the pull of their caller frame, of %d", FRAMES)
			.isGreaterThanOrEqualTo(FRAMES / 2);
		assertThat(simulated.record().protocolErrors()).isEmpty();
	}

}
