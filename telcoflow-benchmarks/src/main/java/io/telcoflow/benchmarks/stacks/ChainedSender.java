package io.telcoflow.benchmarks.stacks;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * A connection's single writer for stacks whose send is asynchronous but allows one outstanding
 * send at a time (Jakarta's {@code getAsyncRemote()}, the JDK's {@code WebSocket}): messages queue,
 * the first of an idle connection is started on the shared writer executor (never on the
 * application's thread), each later one from the previous send's completion.
 */
final class ChainedSender {

	/** Starts one asynchronous send and runs the callback (with a failure or {@code null}) when it ends. */
	@FunctionalInterface
	interface AsyncSend {

		void send(byte[] payload, java.util.function.Consumer<@org.jspecify.annotations.Nullable Throwable> done);

	}

	private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean sending = new AtomicBoolean();

	private final Executor writerExecutor;

	private final AsyncSend asyncSend;

	private final BiConsumer<ChainedSender, Throwable> onFailure;

	ChainedSender(Executor writerExecutor, AsyncSend asyncSend, BiConsumer<ChainedSender, Throwable> onFailure) {
		this.writerExecutor = writerExecutor;
		this.asyncSend = asyncSend;
		this.onFailure = onFailure;
	}

	void send(byte[] payload) {
		this.queue.add(payload);
		if (this.sending.compareAndSet(false, true)) {
			this.writerExecutor.execute(this::sendNext);
		}
	}

	private void sendNext() {
		byte[] next = this.queue.poll();
		if (next == null) {
			this.sending.set(false);
			// a message queued between the poll and the release must not wait for the next one
			if (!this.queue.isEmpty() && this.sending.compareAndSet(false, true)) {
				sendNext();
			}
			return;
		}
		this.asyncSend.send(next, (failure) -> {
			if (failure != null) {
				this.queue.clear();
				this.sending.set(false);
				this.onFailure.accept(this, failure);
				return;
			}
			sendNext();
		});
	}

}
