package io.telcoflow.benchmarks.stacks;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

	/**
	 * Sends until the queue is empty or a send is still under way. A send that completes inside the
	 * call (Tomcat's TLS wrapper does) continues this loop instead of recursing from its callback.
	 */
	private void sendNext() {
		while (true) {
			byte[] next = this.queue.poll();
			if (next == null) {
				this.sending.set(false);
				// a message queued between the poll and the release must not wait for the next one
				if (this.queue.isEmpty() || !this.sending.compareAndSet(false, true)) {
					return;
				}
				continue;
			}
			// 0: under way, 1: completed inside the call, 2: the call returned first
			AtomicInteger step = new AtomicInteger();
			java.util.function.Consumer<@org.jspecify.annotations.Nullable Throwable> done = (failure) -> {
				if (failure != null) {
					this.queue.clear();
					this.onFailure.accept(this, failure);
					// the writer stays "sending": nothing more is written on a failed connection
					return;
				}
				if (!step.compareAndSet(0, 1)) {
					sendNext();
				}
			};
			try {
				this.asyncSend.send(next, done);
			}
			catch (RuntimeException ex) {
				// a stack that refuses at once (Tomcat on a closed session) fails like one that fails later
				done.accept(ex);
			}
			if (step.compareAndSet(0, 2)) {
				// under way (or failed): its completion goes on from there
				return;
			}
		}
	}

}
