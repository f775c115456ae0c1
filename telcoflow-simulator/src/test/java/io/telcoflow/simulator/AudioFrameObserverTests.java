package io.telcoflow.simulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The per-frame observer that load harnesses use to measure echo delay.
 */
class AudioFrameObserverTests {

	@Test
	void observerStampsCallerFramesAndSeesTheAgentFramesThatAnswerPulls() {
		List<Integer> stamped = new CopyOnWriteArrayList<>();
		List<Integer> echoed = new CopyOnWriteArrayList<>();
		List<Integer> emptyAnswers = new CopyOnWriteArrayList<>();
		AudioFrameObserver observer = new AudioFrameObserver() {

			private int next;

			@Override
			public void callerFrame(SimulatedCall call, byte[] frame, int length, long nanoTime) {
				frame[0] = (byte) ++this.next;
				stamped.add(this.next);
			}

			@Override
			public void agentFrame(SimulatedCall call, byte[] data, int length, long nanoTime) {
				if (length == 0) {
					emptyAnswers.add(0);
				}
				else {
					echoed.add((int) data[0]);
				}
			}

		};
		try (TelcoflowSimulator sim = TelcoflowSimulator.builder().audioFrameObserver(observer).build().start()) {
			TestWebSocket control = SimulatorTestSupport.readyControl(sim);
			SimulatorTestSupport.OpenCall open = SimulatorTestSupport.answeredCall(sim, control,
					CallScript.builder().callerAudio(CallerAudio.silence(Duration.ofSeconds(5))).build());
			byte[] first = open.media().awaitBinary();
			assertThat(first[0]).isEqualTo((byte) 1);
			open.media().await("audio.pull");
			open.media().sendBinary(first);
			open.media().await("audio.pull");
			open.media().sendBinary(new byte[0]);
			await().atMost(Duration.ofSeconds(20)).until(() -> echoed.size() == 1 && emptyAnswers.size() == 1);
			assertThat(echoed).containsExactly(1);
			assertThat(stamped).startsWith(1, 2);
		}
	}

}
