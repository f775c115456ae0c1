package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.AudioFrameObserver;
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

	private final FrameCounter counter = new FrameCounter();

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
					for (byte[] chunk : call.audioStream()) {
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

	/**
	 * Numbers each caller frame in its first two bytes and counts the echoes that arrive before
	 * the next caller frame (and its pull) is sent.
	 */
	private static final class FrameCounter implements AudioFrameObserver {

		final AtomicInteger echoed = new AtomicInteger();

		final AtomicInteger onTime = new AtomicInteger();

		private final AtomicInteger sent = new AtomicInteger();

		@Override
		public void callerFrame(SimulatedCall call, byte[] frame, int length, long nanoTime) {
			int sequence = this.sent.getAndIncrement();
			frame[0] = (byte) (sequence >> 8);
			frame[1] = (byte) sequence;
		}

		@Override
		public void agentFrame(SimulatedCall call, byte[] data, int length, long nanoTime) {
			if (length < 2 || this.echoed.get() >= FRAMES) {
				return;
			}
			int sequence = ((data[0] & 0xff) << 8) | (data[1] & 0xff);
			this.echoed.incrementAndGet();
			if (sequence == this.sent.get() - 1) {
				this.onTime.incrementAndGet();
			}
		}

	}

}
