package io.telcoflow.client.internal.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

/**
 * The event loops that serve every connection of a client: one daemon thread each, epoll where the
 * platform has it. Each new connection is given the loop that serves the fewest of them. (The
 * stack's own round robin does not spread connections: it asks its group for a loop more than once
 * per connection, and with two loops every connection landed on the same one, measured.)
 */
final class EventLoops {

	private final EventLoopGroup group;

	private final List<EventLoop> loops = new ArrayList<>();

	private final AtomicIntegerArray connections;

	EventLoops(int threads) {
		IoHandlerFactory io = Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
		this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("telcoflow-io", true), io);
		for (EventExecutor executor : this.group) {
			this.loops.add((EventLoop) executor);
		}
		this.connections = new AtomicIntegerArray(this.loops.size());
	}

	List<EventLoop> loops() {
		return this.loops;
	}

	/**
	 * Takes the loop that serves the fewest connections for a new one.
	 * @return the loop's index, to {@link #release} when the connection is over
	 */
	int acquire() {
		int best = fewest();
		this.connections.incrementAndGet(best);
		return best;
	}

	/**
	 * Returns the loop that serves the fewest connections now.
	 * @return the loop
	 */
	EventLoop leastLoaded() {
		return this.loops.get(fewest());
	}

	private int fewest() {
		int best = 0;
		for (int i = 1; i < this.connections.length(); i++) {
			if (this.connections.get(i) < this.connections.get(best)) {
				best = i;
			}
		}
		return best;
	}

	/**
	 * A connection given by {@link #acquire} is over.
	 * @param index the loop's index
	 */
	void release(int index) {
		this.connections.decrementAndGet(index);
	}

	void shutdown() {
		this.group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
	}

	boolean isTerminated() {
		return this.group.isTerminated();
	}

}
