package io.telcoflow.client.internal.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.telcoflow.client.exception.WssMediaException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InboundAudioStream}.
 */
class InboundAudioStreamTests {

	private final List<Integer> dropped = new CopyOnWriteArrayList<>();

	private final InboundAudioStream stream = new InboundAudioStream(3, this.dropped::add);

	@Test
	void iteratesChunksInOrderUntilTheEnd() {
		this.stream.offer(new byte[] { 1 });
		this.stream.offer(new byte[] { 2 });
		this.stream.end();
		List<Byte> read = new ArrayList<>();
		for (byte[] chunk : this.stream) {
			read.add(chunk[0]);
		}
		assertThat(read).containsExactly((byte) 1, (byte) 2);
		assertThat(this.stream.isEnded()).isTrue();
	}

	@Test
	void aDelayBoundKeepsOnlyTheNewestAudioAndCountsWhatItDrops() {
		InboundAudioStream live = new InboundAudioStream(500, this.dropped::add);
		assertThat(live.limitDelay(Duration.ofMillis(40))).isSameAs(live);
		for (byte i = 1; i <= 5; i++) {
			live.offer(new byte[] { i, i });
		}
		assertThat(live.poll(Duration.ZERO)).containsExactly(4, 4);
		assertThat(live.poll(Duration.ZERO)).containsExactly(5, 5);
		assertThat(live.droppedChunks()).isEqualTo(3);
		assertThat(this.dropped).containsExactly(2, 2, 2);
	}

	@Test
	void aDelayBoundDropsWhatAlreadyWaitsBeyondIt() {
		InboundAudioStream live = new InboundAudioStream(500, this.dropped::add);
		for (byte i = 1; i <= 4; i++) {
			live.offer(new byte[] { i, i });
		}
		live.limitDelay(Duration.ofMillis(20));
		assertThat(live.poll(Duration.ZERO)).containsExactly(4, 4);
		assertThat(live.droppedChunks()).isEqualTo(3);
		assertThat(this.dropped).containsExactly(2, 2, 2);
	}

	@Test
	void aDelayBoundBelowOneFrameIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.stream.limitDelay(Duration.ofMillis(10)))
			.withMessageContaining("20 ms");
	}

	@Test
	void fullQueueDropsTheOldestChunkAndCountsIt() {
		for (int i = 1; i <= 5; i++) {
			this.stream.offer(new byte[i]);
		}
		assertThat(this.stream.droppedChunks()).isEqualTo(2);
		assertThat(this.dropped).containsExactly(1, 2);
		assertThat(this.stream.poll(Duration.ZERO)).hasSize(3);
		assertThat(this.stream.queuedChunks()).isEqualTo(2);
	}

	@Test
	void blockedReaderWakesUpForTheNextChunkAndForTheEnd() throws Exception {
		CompletableFuture<byte[]> next = CompletableFuture.supplyAsync(() -> this.stream.poll(Duration.ofSeconds(10)));
		this.stream.offer(new byte[] { 7 });
		assertThat(next.get()).containsExactly(7);
		CompletableFuture<Boolean> hasNext = CompletableFuture.supplyAsync(() -> this.stream.iterator().hasNext());
		this.stream.end();
		assertThat(hasNext.get()).isFalse();
	}

	@Test
	void pollReturnsNullOnTimeoutAndAfterTheEnd() {
		assertThat(this.stream.poll(Duration.ofMillis(5))).isNull();
		assertThat(this.stream.isEnded()).isFalse();
		this.stream.end();
		assertThat(this.stream.poll(Duration.ofSeconds(5))).isNull();
		this.stream.offer(new byte[2]);
		assertThat(this.stream.queuedChunks()).isZero();
	}

	@Test
	void lostMediaReachesTheReaderAfterTheQueuedChunks() {
		this.stream.offer(new byte[] { 1 });
		WssMediaException failure = new WssMediaException("lost");
		this.stream.end(failure);
		Iterator<byte[]> iterator = this.stream.iterator();
		assertThat(iterator.next()).containsExactly(1);
		assertThatExceptionOfType(WssMediaException.class).isThrownBy(iterator::hasNext).isSameAs(failure);
		assertThatExceptionOfType(WssMediaException.class).isThrownBy(() -> this.stream.poll(Duration.ZERO));
	}

	@Test
	void nextAfterTheEndThrowsNoSuchElement() {
		this.stream.end();
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> this.stream.iterator().next());
	}

	@Test
	void interruptedReaderStopsWithTheInterruptFlagKept() throws Exception {
		CompletableFuture<Boolean> result = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			boolean hasNext = this.stream.iterator().hasNext();
			result.complete(!hasNext && Thread.currentThread().isInterrupted());
		});
		reader.start();
		reader.interrupt();
		assertThat(result.get()).isTrue();
	}

}
