package io.telcoflow.client.internal.audio;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.client.exception.WssCallClosedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link OutgoingAudioBuffer}.
 */
class OutgoingAudioBufferTests {

	private final OutgoingAudioBuffer buffer = new OutgoingAudioBuffer(1024 * 1024, Runnable::run);

	private static byte[] ramp(int length, int start) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (start + i);
		}
		return bytes;
	}

	@Test
	void emptyBufferHoldsNoAudioMemory() {
		assertThat(this.buffer.size()).isZero();
		assertThat(this.buffer.retainedBytes()).isZero();
	}

	@Test
	void memoryGrowsWithWhatIsBufferedAndIsReleasedAsItIsPulled() {
		this.buffer.append(new byte[960], 0, 960);
		assertThat(this.buffer.retainedBytes()).isLessThanOrEqualTo(OutgoingAudioBuffer.MIN_SEGMENT);
		this.buffer.append(new byte[100_000], 0, 100_000);
		assertThat(this.buffer.retainedBytes()).isBetween(100_960L, 100_960L + OutgoingAudioBuffer.MAX_SEGMENT);
		byte[] frame = new byte[960];
		while (this.buffer.pull(frame, 960) > 0) {
			// drain
		}
		assertThat(this.buffer.size()).isZero();
		assertThat(this.buffer.retainedBytes()).isZero();
	}

	@Test
	void takenCountsWhatWasPulledAndNeverWhatWasCleared() {
		byte[] frame = new byte[960];
		this.buffer.append(new byte[3000], 0, 3000);
		this.buffer.pull(frame, 960);
		this.buffer.take(frame, 960);
		this.buffer.clear();
		assertThat(this.buffer.taken()).isEqualTo(1920);
		this.buffer.append(new byte[500], 0, 500);
		this.buffer.pull(frame, 960);
		assertThat(this.buffer.pull(frame, 960)).isZero();
		assertThat(this.buffer.taken()).isEqualTo(2420);
	}

	@Test
	void pullTakesUpToTheRequestedBytesFromTheFrontInOrder() {
		byte[] first = ramp(1500, 0);
		byte[] second = ramp(700, 50);
		this.buffer.append(first, 0, first.length);
		this.buffer.append(second, 0, second.length);
		byte[] out = new byte[2200];
		int offset = 0;
		byte[] frame = new byte[960];
		int taken;
		while ((taken = this.buffer.pull(frame, 960)) > 0) {
			assertThat(taken).isLessThanOrEqualTo(960);
			System.arraycopy(frame, 0, out, offset, taken);
			offset += taken;
		}
		assertThat(offset).isEqualTo(2200);
		assertThat(Arrays.copyOfRange(out, 0, 1500)).isEqualTo(first);
		assertThat(Arrays.copyOfRange(out, 1500, 2200)).isEqualTo(second);
	}

	@Test
	void appendCopiesTheCallersBytes() {
		byte[] pcm = ramp(10, 1);
		this.buffer.append(pcm, 2, 4);
		pcm[2] = 99;
		byte[] frame = new byte[10];
		assertThat(this.buffer.pull(frame, 10)).isEqualTo(4);
		assertThat(Arrays.copyOf(frame, 4)).containsExactly(3, 4, 5, 6);
	}

	@Test
	void chunkThatDoesNotFitIsRejectedWhole() {
		OutgoingAudioBuffer small = new OutgoingAudioBuffer(2000, Runnable::run);
		small.append(new byte[1500], 0, 1500);
		assertThatExceptionOfType(BufferFullException.class).isThrownBy(() -> small.append(new byte[600], 0, 600))
			.withMessageContaining("1500 of 2000");
		assertThat(small.size()).isEqualTo(1500);
		small.append(new byte[500], 0, 500);
		assertThat(small.size()).isEqualTo(2000);
	}

	@Test
	void clearDropsEverythingAndCompletesPlayback() {
		this.buffer.append(new byte[5000], 0, 5000);
		CompletableFuture<Void> drained = this.buffer.drained(() -> new WssCallClosedException("closed"));
		this.buffer.clear();
		assertThat(this.buffer.size()).isZero();
		assertThat(this.buffer.retainedBytes()).isZero();
		assertThat(drained).isCompleted();
		assertThat(this.buffer.pull(new byte[960], 960)).isZero();
	}

	@Test
	void playbackCompletesWhenTheLastByteIsPulled() {
		assertThat(this.buffer.drained(() -> new WssCallClosedException("closed"))).isCompleted();
		this.buffer.append(new byte[1000], 0, 1000);
		CompletableFuture<Void> drained = this.buffer.drained(() -> new WssCallClosedException("closed"));
		this.buffer.pull(new byte[960], 960);
		assertThat(drained).isNotDone();
		this.buffer.pull(new byte[960], 960);
		assertThat(drained).isCompleted();
	}

	@Test
	void closingFailsWaitersAndLaterAppendsAndReleasesMemory() {
		this.buffer.append(new byte[1000], 0, 1000);
		CompletableFuture<Void> drained = this.buffer.drained(() -> new WssCallClosedException("closed"));
		this.buffer.close(() -> new WssCallClosedException("ended"));
		assertThat(drained).isCompletedExceptionally();
		assertThat(this.buffer.isClosed()).isTrue();
		assertThat(this.buffer.size()).isZero();
		assertThat(this.buffer.retainedBytes()).isZero();
		assertThatExceptionOfType(BufferClosedException.class).isThrownBy(() -> this.buffer.append(new byte[2], 0, 2));
		assertThat(this.buffer.drained(() -> new WssCallClosedException("closed"))).isCompletedExceptionally();
	}

	@Test
	void closingADrainedBufferLeavesPlaybackComplete() {
		this.buffer.close(() -> new WssCallClosedException("ended"));
		assertThat(this.buffer.drained(() -> new WssCallClosedException("closed"))).isCompleted();
	}

	@Test
	void playbackFuturesCompleteOnTheCompletionExecutor() {
		java.util.List<Runnable> tasks = new java.util.ArrayList<>();
		OutgoingAudioBuffer deferred = new OutgoingAudioBuffer(10_000, tasks::add);
		deferred.append(new byte[10], 0, 10);
		CompletableFuture<Void> drained = deferred.drained(() -> new WssCallClosedException("closed"));
		deferred.pull(new byte[960], 960);
		assertThat(drained).isNotDone();
		tasks.forEach(Runnable::run);
		assertThat(drained).isCompleted();
	}

	@Test
	void aChunkWrittenIntoAnEmptyBufferTakesExactlyItsSize() {
		this.buffer.append(new byte[960], 0, 960);
		assertThat(this.buffer.retainedBytes()).isEqualTo(960);
		this.buffer.append(new byte[100], 0, 100);
		assertThat(this.buffer.retainedBytes()).isEqualTo(960 + OutgoingAudioBuffer.MIN_SEGMENT);
	}

	@Test
	void playbackOfTakenBytesCompletesOnlyOnceTheirFrameIsSent() {
		this.buffer.append(new byte[960], 0, 960);
		CompletableFuture<Void> before = this.buffer.drained(() -> new WssCallClosedException("closed"));
		assertThat(this.buffer.take(new byte[960], 960)).isEqualTo(960);
		CompletableFuture<Void> during = this.buffer.drained(() -> new WssCallClosedException("closed"));
		assertThat(this.buffer.size()).isZero();
		assertThat(before).isNotDone();
		assertThat(during).isNotDone();
		this.buffer.sent(960);
		assertThat(before).isCompleted();
		assertThat(during).isCompleted();
		assertThat(this.buffer.drained(() -> new WssCallClosedException("closed"))).isCompleted();
	}

}
