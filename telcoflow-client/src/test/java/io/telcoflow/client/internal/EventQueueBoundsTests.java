package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event pool and the serial queues on it are bounded: what does not fit is dropped and counted.
 */
class EventQueueBoundsTests {

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void release() {
		this.release.countDown();
	}

	@Test
	void serialQueueDropsAndCountsWhatExceedsItsBoundButKeepsTheRestInOrder() {
		EventPool pool = new EventPool(Executors.defaultThreadFactory());
		SerialExecutor queue = new SerialExecutor(pool, 3, "a test");
		List<Integer> ran = new CopyOnWriteArrayList<>();
		CountDownLatch blocked = new CountDownLatch(1);
		queue.execute(() -> {
			blocked.countDown();
			awaitRelease();
		});
		await().until(() -> blocked.getCount() == 0);
		IntStream.range(0, 10).forEach((i) -> queue.execute(() -> ran.add(i)));
		queue.executeAlways(() -> ran.add(100));
		assertThat(pool.dropped()).isEqualTo(7);
		this.release.countDown();
		await().untilAsserted(() -> assertThat(ran).containsExactly(0, 1, 2, 100));
	}

	@Test
	void poolReusesIdleThreadsAndNeverRunsMoreThanItsMaximum() {
		EventPool pool = new EventPool(2, 3, Executors.defaultThreadFactory());
		for (int i = 0; i < 50; i++) {
			CountDownLatch done = new CountDownLatch(1);
			pool.execute(done::countDown);
			await().until(() -> done.getCount() == 0);
		}
		// one task at a time: an idle thread takes the next one
		assertThat(pool.threads()).isEqualTo(1);
		AtomicLong started = new AtomicLong();
		for (int i = 0; i < 10; i++) {
			pool.execute(() -> {
				started.incrementAndGet();
				awaitRelease();
			});
		}
		// two running, three waiting in the backlog, five dropped
		await().until(() -> started.get() == 2);
		assertThat(pool.threads()).isEqualTo(2);
		assertThat(pool.dropped()).isEqualTo(5);
		this.release.countDown();
		await().until(() -> started.get() == 5);
	}

	@Test
	void serialQueueWhoseDrainFindsNoThreadDropsWhatItHeldAndRecovers() {
		EventPool pool = new EventPool(1, 1, Executors.defaultThreadFactory());
		CountDownLatch blocked = new CountDownLatch(1);
		pool.execute(() -> {
			blocked.countDown();
			awaitRelease();
		});
		await().until(() -> blocked.getCount() == 0);
		pool.execute(() -> {
			// fills the backlog
		});
		SerialExecutor queue = new SerialExecutor(pool, 10, "a test");
		List<String> ran = new CopyOnWriteArrayList<>();
		queue.execute(() -> ran.add("lost"));
		assertThat(pool.dropped()).isEqualTo(1);
		this.release.countDown();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			queue.execute(() -> ran.add("later"));
			assertThat(ran).contains("later");
		});
		assertThat(ran).doesNotContain("lost");
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
