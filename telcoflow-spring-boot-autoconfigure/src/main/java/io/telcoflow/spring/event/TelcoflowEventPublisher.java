package io.telcoflow.spring.event;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.WssException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * A {@link TelcoflowClientListener} that turns what the client reports into
 * {@link TelcoflowEvent TelcoflowEvents}: exactly one {@link TelcoflowErrorEvent} per SDK exception
 * and per handler failure, and the connection and call lifecycle events.
 * <p>
 * Client callbacks may come on a socket thread, so events are published on this bean's own single
 * thread ({@value #THREAD_NAME}), in the order the client reported them; {@code @EventListener}
 * methods run there and should hand long work to their own executor. At most
 * {@value #DEFAULT_QUEUE_CAPACITY} events wait; beyond that new events are dropped with a warning
 * rather than holding the client's threads. On {@link #destroy()} events already queued are
 * published for up to {@link #SHUTDOWN_TIMEOUT}.
 */
public class TelcoflowEventPublisher implements TelcoflowClientListener, DisposableBean {

	/** Name of the thread that publishes the events. */
	public static final String THREAD_NAME = "telcoflow-events";

	/** Events that can wait to be published before new ones are dropped. */
	public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

	/** How long {@link #destroy()} waits for queued events to be published. */
	public static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(TelcoflowEventPublisher.class);

	private static final Set<ConnectionState> OPEN = EnumSet.of(ConnectionState.CONNECTED, ConnectionState.READY,
			ConnectionState.PAUSED);

	private final ApplicationEventPublisher publisher;

	private final SingletonSupplier<TelcoflowClient> client;

	private final ThreadPoolExecutor executor;

	private final AtomicLong dropped = new AtomicLong();

	// Only read and written on the publishing thread.
	private boolean everConnected;

	/**
	 * Creates a publisher.
	 * @param publisher where to publish the events, usually the application context
	 * @param client supplies the client that is the events' source; asked lazily, on the publishing
	 * thread, because this listener is created before the client it listens to
	 */
	public TelcoflowEventPublisher(ApplicationEventPublisher publisher, Supplier<@Nullable TelcoflowClient> client) {
		this(publisher, client, DEFAULT_QUEUE_CAPACITY);
	}

	TelcoflowEventPublisher(ApplicationEventPublisher publisher, Supplier<@Nullable TelcoflowClient> client,
			int queueCapacity) {
		this.publisher = publisher;
		this.client = SingletonSupplier.of(client);
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory(THREAD_NAME + "-");
		threadFactory.setDaemon(true);
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(queueCapacity), threadFactory, this::rejected);
	}

	@Override
	public void onConnectionStateChanged(ConnectionState previous, ConnectionState current) {
		submit((client) -> connectionEvent(client, previous, current));
	}

	private @Nullable TelcoflowEvent connectionEvent(TelcoflowClient client, ConnectionState previous,
			ConnectionState current) {
		if (current == ConnectionState.RECONNECTING && OPEN.contains(previous)) {
			return new TelcoflowConnectionLostEvent(client, current);
		}
		if ((current == ConnectionState.CONNECTED || current == ConnectionState.READY) && !OPEN.contains(previous)) {
			boolean reconnected = this.everConnected;
			this.everConnected = true;
			return reconnected ? new TelcoflowReconnectedEvent(client, current)
					: new TelcoflowConnectedEvent(client, current);
		}
		// AUTHENTICATION_FAILED is published once, as AuthenticationFailedEvent from onError
		return null;
	}

	@Override
	public void onCallStarted(ActiveCall call) {
		submit((client) -> new CallStartedEvent(client, call));
	}

	@Override
	public void onCallEnded(ActiveCall call, TerminationReason reason, Duration duration) {
		String callId = call.getCallId();
		submit((client) -> new CallEndedEvent(client, callId, reason, duration));
	}

	@Override
	public void onError(WssException error, @Nullable ActiveCall call) {
		String callId = (call != null) ? call.getCallId() : null;
		submit((client) -> ErrorEvents.of(client, error, callId));
	}

	@Override
	public void onHandlerFailed(ActiveCall call, Throwable failure) {
		String callId = call.getCallId();
		submit((client) -> new HandlerFailedEvent(client, failure, callId));
	}

	/**
	 * Publishes an event on this publisher's thread, after those already queued; what other parts
	 * of the application (the voice agent) use to publish their events in the same order and off
	 * their own threads.
	 * @param event makes the event from the client (called on the publishing thread); {@code null}
	 * for none
	 */
	public void submit(Function<TelcoflowClient, @Nullable TelcoflowEvent> event) {
		this.executor.execute(() -> publish(event));
	}

	private void publish(Function<TelcoflowClient, @Nullable TelcoflowEvent> factory) {
		TelcoflowClient client = this.client.get();
		if (client == null) {
			logger.debug("No unique TelcoflowClient to be the source of an event; event dropped");
			return;
		}
		TelcoflowEvent event = factory.apply(client);
		if (event == null) {
			return;
		}
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// A failing @EventListener must not stop later events; the context may also be closing.
			logger.warn("Failed to publish " + event, ex);
		}
	}

	private void rejected(Runnable task, ThreadPoolExecutor executor) {
		if (executor.isShutdown()) {
			logger.debug("Telcoflow event reported after shutdown; dropped");
			return;
		}
		long dropped = this.dropped.incrementAndGet();
		if (dropped == 1 || dropped % 1000 == 0) {
			logger.warn("Telcoflow event listeners are too slow: " + dropped
					+ " events dropped so far; hand long work in @EventListener methods to an executor");
		}
	}

	/**
	 * Returns how many events were dropped because the queue was full.
	 * @return the count since creation
	 */
	public long getDroppedEventCount() {
		return this.dropped.get();
	}

	/**
	 * Publishes the events already queued, for up to {@link #SHUTDOWN_TIMEOUT}, then stops the
	 * publishing thread.
	 */
	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			this.executor.shutdownNow();
		}
	}

}
