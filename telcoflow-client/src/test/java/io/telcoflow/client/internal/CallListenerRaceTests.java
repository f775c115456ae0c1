package io.telcoflow.client.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallListener;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.internal.protocol.CallHandover;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener added to a call while the call ends hears of the end exactly once.
 */
class CallListenerRaceTests {

	private static final int ROUNDS = 2000;

	private final DefaultTelcoflowClient client = (DefaultTelcoflowClient) TelcoflowClient
		.create(TelcoflowConfig.builder()
			.url("ws://127.0.0.1:1")
			.apiKey("key", "123e4567-e89b-12d3-a456-426614174000")
			.build());

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void listenerAddedWhileTheCallEndsIsToldOfTheEndExactlyOnce() throws Exception {
		List<CountingListener> raced = new ArrayList<>();
		List<CountingListener> sentinels = new ArrayList<>();
		CyclicBarrier start = new CyclicBarrier(2);
		for (int round = 0; round < ROUNDS; round++) {
			DefaultActiveCall call = newCall(round);
			CountingListener listener = new CountingListener();
			CompletableFuture<Void> ending = CompletableFuture.runAsync(() -> {
				awaitBarrier(start);
				call.endLocally(TerminationReason.CALLER_HANGUP);
			});
			awaitBarrier(start);
			call.addListener(listener);
			ending.join();
			// added after both: its onTerminated comes after every event the race queued
			CountingListener sentinel = new CountingListener();
			call.addListener(sentinel);
			raced.add(listener);
			sentinels.add(sentinel);
		}
		await().until(() -> sentinels.stream().allMatch((sentinel) -> sentinel.terminated.get() >= 1));
		assertThat(raced.stream().filter((listener) -> listener.terminated.get() != 1))
			.as("rounds whose listener added in the race was not told of the end exactly once")
			.isEmpty();
		assertThat(sentinels.stream().filter((listener) -> listener.terminated.get() != 1))
			.as("rounds whose listener added after the end was not told of it exactly once")
			.isEmpty();
	}

	private DefaultActiveCall newCall(int round) {
		URI media = URI.create("ws://127.0.0.1:1/media/call-" + round);
		return new DefaultActiveCall(this.client,
				new CallHandover("call-" + round, media.toString(), "token", null, null, 24000, Instant.now()), media,
				false);
	}

	private static void awaitBarrier(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class CountingListener implements CallListener {

		private final AtomicInteger terminated = new AtomicInteger();

		@Override
		public String toString() {
			return "told " + this.terminated + " times";
		}

		@Override
		public void onTerminated(ActiveCall call, TerminationReason reason) {
			this.terminated.incrementAndGet();
		}

	}

}
