package io.telcoflow.client.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code sendAudio} from many threads at once: every chunk arrives whole (never interleaved with
 * another), each thread's chunks in its order, and no byte is lost or duplicated.
 */
class ConcurrentSendAudioTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final int THREADS = 8;

	private static final int CHUNKS = 10;

	private static final int CHUNK = 960;

	private final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	private final TelcoflowClient client = TelcoflowClient.create(TelcoflowConfig.builder()
		.url(this.simulator.url())
		.apiKey(this.simulator.apiKey(), this.simulator.connectorUuid())
		.build());

	@AfterEach
	void close() {
		this.client.close();
		this.simulator.close();
	}

	@Test
	void chunksFromManyThreadsArriveWholeInEachThreadsOrder() throws Exception {
		BlockingQueue<ActiveCall> calls = new LinkedBlockingQueue<>();
		this.client.onIncomingCall((call) -> {
			call.answer();
			calls.add(call);
		});
		this.client.connect();
		this.client.ready();
		SimulatedCall simulated = this.simulator.placeCall(CallScript.defaults());
		ActiveCall call = calls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(call).isNotNull();
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> senders = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			byte thread = (byte) (t + 1);
			Thread sender = new Thread(() -> {
				awaitQuietly(start);
				for (int seq = 0; seq < CHUNKS; seq++) {
					byte[] chunk = new byte[CHUNK];
					Arrays.fill(chunk, thread);
					chunk[1] = (byte) seq;
					call.sendAudio(chunk);
				}
			});
			sender.start();
			senders.add(sender);
		}
		start.countDown();
		for (Thread sender : senders) {
			sender.join(WAIT.toMillis());
		}
		assertThat(call.awaitPlayback(WAIT)).isTrue();
		await().atMost(WAIT).until(() -> simulated.record().agentAudioBytes() >= THREADS * CHUNKS * CHUNK);
		byte[] played = simulated.record().agentAudio();
		assertThat(played).hasSize(THREADS * CHUNKS * CHUNK);
		Map<Byte, Integer> nextSeq = new HashMap<>();
		for (int offset = 0; offset < played.length; offset += CHUNK) {
			byte thread = played[offset];
			for (int i = 0; i < CHUNK; i++) {
				if (i != 1) {
					assertThat(played[offset + i]).as("byte %d of the chunk at %d", i, offset).isEqualTo(thread);
				}
			}
			int expected = nextSeq.getOrDefault(thread, 0);
			assertThat((int) played[offset + 1]).as("sequence of thread %d", thread).isEqualTo(expected);
			nextSeq.put(thread, expected + 1);
		}
		assertThat(nextSeq).hasSize(THREADS).allSatisfy((thread, next) -> assertThat(next).isEqualTo(CHUNKS));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
