package io.telcoflow.spring.listener;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.IncomingCallHandler;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.WssAuthenticationException;
import io.telcoflow.client.exception.WssConnectionException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Connects the {@link TelcoflowClient} when the application context starts and shuts it down
 * gracefully when it stops.
 * <p>
 * <b>Start</b> runs once every singleton exists, so every handler is registered before the client
 * declares itself {@link TelcoflowClient#ready() ready} and the first call is offered. A server
 * that cannot be reached does not fail the start: the client keeps reconnecting in the background.
 * Refused credentials are logged as an error; the client does not retry them.
 * <p>
 * <b>Stop</b> is asynchronous: the application's readiness becomes
 * {@link ReadinessState#REFUSING_TRAFFIC} (as a web application's does when its context closes; a
 * worker without a web server would otherwise still report that it accepts calls), the client
 * {@link TelcoflowClient#pause() pauses} (no new call is offered), live calls get up to the drain timeout to end by themselves, calls still live are ended
 * per the {@link ShutdownAction}, and the client {@link TelcoflowClient#disconnect() disconnects},
 * which closes every remaining media connection and audio buffer. The callback then runs exactly
 * once. Stopping is final: the client cannot be started again.
 * <p>
 * The {@link #DEFAULT_PHASE phase} is above the web server's graceful shutdown, so calls drain
 * while HTTP and health endpoints still answer.
 * <p>
 * <b>At run time</b> the application can {@link #stopTakingCalls() stop} and
 * {@link #startTakingCalls() start} taking calls (maintenance, a model outage) without stopping;
 * readiness follows.
 * <p>
 * While running, a non-daemon thread waits for the client to close, so that an application with
 * no web server keeps running (the client's own threads are daemons).
 */
public class TelcoflowLifecycle implements SmartLifecycle, ApplicationEventPublisherAware {

	/**
	 * Default phase: {@code SmartLifecycle.DEFAULT_PHASE - 512}. It starts after, and stops before,
	 * the web server (graceful shutdown at {@code DEFAULT_PHASE - 1024}, start and stop at
	 * {@code DEFAULT_PHASE - 2048}), and stops before executors and schedulers
	 * ({@code Integer.MAX_VALUE / 2}).
	 */
	public static final int DEFAULT_PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

	private static final Log logger = LogFactory.getLog(TelcoflowLifecycle.class);

	private final TelcoflowClient client;

	private final IncomingCallHandler handler;

	private final ReentrantLock lock = new ReentrantLock();

	private Duration drainTimeout = Duration.ofSeconds(20);

	private Duration endTimeout = Duration.ofSeconds(5);

	private ShutdownAction shutdownAction = ShutdownAction.CLOSE;

	private int phase = DEFAULT_PHASE;

	private @Nullable ApplicationEventPublisher eventPublisher;

	private volatile boolean running;

	private volatile boolean takingCalls;

	private boolean stopped;

	/**
	 * Creates a lifecycle.
	 * @param client the client
	 * @param handler the handler of every incoming call
	 */
	public TelcoflowLifecycle(TelcoflowClient client, IncomingCallHandler handler) {
		this.client = client;
		this.handler = handler;
	}

	/**
	 * Sets how long live calls get to end by themselves on stop.
	 * @param drainTimeout the timeout (default 20 s)
	 */
	public void setDrainTimeout(Duration drainTimeout) {
		Assert.isTrue(!drainTimeout.isNegative(), "'drainTimeout' must not be negative");
		this.drainTimeout = drainTimeout;
	}

	/**
	 * Sets how long calls ended by the {@link ShutdownAction} get to confirm, before the client
	 * closes their media connections anyway.
	 * @param endTimeout the timeout (default 5 s)
	 */
	public void setEndTimeout(Duration endTimeout) {
		Assert.isTrue(!endTimeout.isNegative(), "'endTimeout' must not be negative");
		this.endTimeout = endTimeout;
	}

	/**
	 * Sets what to do with calls still live when the drain timeout expires.
	 * @param shutdownAction the action (default {@link ShutdownAction#CLOSE})
	 */
	public void setShutdownAction(ShutdownAction shutdownAction) {
		this.shutdownAction = shutdownAction;
	}

	/**
	 * Returns how long live calls get to end by themselves on stop.
	 * @return the drain timeout
	 */
	public Duration getDrainTimeout() {
		return this.drainTimeout;
	}

	/**
	 * Returns how long calls ended on stop get to confirm.
	 * @return the end timeout
	 */
	public Duration getEndTimeout() {
		return this.endTimeout;
	}

	/**
	 * Returns what is done with calls still live when the drain timeout expires.
	 * @return the action
	 */
	public ShutdownAction getShutdownAction() {
		return this.shutdownAction;
	}

	/**
	 * Sets where the change of readiness to {@link ReadinessState#REFUSING_TRAFFIC} is published
	 * when stopping; without one, readiness is left alone.
	 * @param eventPublisher the publisher, usually the application context
	 */
	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	/**
	 * Sets the phase.
	 * @param phase the phase (default {@link #DEFAULT_PHASE})
	 */
	public void setPhase(int phase) {
		this.phase = phase;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

	@Override
	public boolean isPauseable() {
		// Stopping disconnects the client for good; a context pause must not do that.
		return false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void start() {
		this.lock.lock();
		try {
			if (this.running) {
				return;
			}
			if (this.stopped) {
				logger.warn("The Telcoflow client was disconnected for good and cannot be started again");
				return;
			}
			this.client.onIncomingCall(this.handler);
			if (connect()) {
				declareReady();
			}
			startAwaitThread();
			this.running = true;
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean connect() {
		try {
			this.client.connect();
			return true;
		}
		catch (WssAuthenticationException ex) {
			logger.error("The Telcoflow server refused this application's credentials (telcoflow.api-key and "
					+ "telcoflow.connector-uuid, or the client key of telcoflow.ssl.bundle): " + ex.getMessage()
					+ ". No call will be offered and the client will not retry; fix the credentials and restart.");
			return false;
		}
		catch (WssConnectionException ex) {
			logger.warn("The Telcoflow server cannot be reached yet (" + ex.getMessage()
					+ "); the client keeps reconnecting in the background");
			return true;
		}
	}

	private void declareReady() {
		if (!hasEndpoints()) {
			logger.info("No @OnIncomingCall method exists: the Telcoflow client is connected but not ready, "
					+ "so no call will be offered");
			return;
		}
		this.client.ready();
		this.takingCalls = true;
	}

	private boolean hasEndpoints() {
		return !(this.handler instanceof IncomingCallDispatcher dispatcher) || dispatcher.hasEndpoints();
	}

	/**
	 * Stops taking calls at run time (maintenance, an outage of what the handlers depend on): the
	 * server offers no new call to this application, calls in progress go on, and the application's
	 * readiness becomes {@link ReadinessState#REFUSING_TRAFFIC}. Stays so across reconnects until
	 * {@link #startTakingCalls()}. Does nothing when calls are not being taken.
	 * @throws IllegalStateException when the lifecycle is not running
	 */
	public void stopTakingCalls() {
		this.lock.lock();
		try {
			Assert.state(this.running, "The Telcoflow client is not running");
			if (!this.takingCalls) {
				return;
			}
			this.client.pause();
			this.takingCalls = false;
			logger.info("Stopped taking Telcoflow calls; calls in progress go on");
		}
		finally {
			this.lock.unlock();
		}
		publishReadiness(ReadinessState.REFUSING_TRAFFIC);
	}

	/**
	 * Starts taking calls again after {@link #stopTakingCalls()}: the server offers calls again and
	 * the application's readiness becomes {@link ReadinessState#ACCEPTING_TRAFFIC}. Does nothing
	 * when calls are being taken.
	 * @throws IllegalStateException when the lifecycle is not running, or no
	 * {@code @OnIncomingCall} method exists
	 */
	public void startTakingCalls() {
		this.lock.lock();
		try {
			Assert.state(this.running, "The Telcoflow client is not running");
			Assert.state(hasEndpoints(), "No @OnIncomingCall method exists to take calls");
			if (this.takingCalls) {
				return;
			}
			this.client.ready();
			this.takingCalls = true;
			logger.info("Taking Telcoflow calls again");
		}
		finally {
			this.lock.unlock();
		}
		publishReadiness(ReadinessState.ACCEPTING_TRAFFIC);
	}

	/**
	 * Returns whether this application takes calls: it is running, was declared ready and calls
	 * were not {@link #stopTakingCalls() stopped}.
	 * @return whether new calls are taken
	 */
	public boolean isTakingCalls() {
		return this.running && this.takingCalls;
	}

	private void startAwaitThread() {
		Thread await = new Thread(this.client::awaitClosed, "telcoflow-await");
		await.setDaemon(false);
		await.start();
	}

	/**
	 * Stops synchronously; prefer {@link #stop(Runnable)}, which the application context uses.
	 */
	@Override
	public void stop() {
		CountDownLatch latch = new CountDownLatch(1);
		stop(latch::countDown);
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop(Runnable callback) {
		this.lock.lock();
		try {
			if (!this.running) {
				callback.run();
				return;
			}
			this.running = false;
			this.stopped = true;
			this.takingCalls = false;
		}
		finally {
			this.lock.unlock();
		}
		Thread shutdown = new Thread(() -> {
			try {
				shutDownGracefully();
			}
			catch (RuntimeException ex) {
				logger.warn("Telcoflow shutdown failed", ex);
			}
			finally {
				callback.run();
			}
		}, "telcoflow-shutdown");
		shutdown.start();
	}

	private void shutDownGracefully() {
		long start = System.nanoTime();
		int ended = 0;
		try {
			publishReadiness(ReadinessState.REFUSING_TRAFFIC);
			try {
				this.client.pause();
			}
			catch (RuntimeException ex) {
				logger.debug("Pausing the Telcoflow client failed", ex);
			}
			List<ActiveCall> remaining = drain();
			if (!remaining.isEmpty()) {
				ended = remaining.size();
				logger.info("Ending " + ended + " Telcoflow call(s) still live after the drain timeout ("
						+ this.drainTimeout + ") with " + this.shutdownAction);
				remaining.forEach(this::end);
				awaitEnded(remaining, this.endTimeout);
			}
		}
		finally {
			this.client.disconnect();
			logger.info("Telcoflow client stopped in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms"
					+ ((ended > 0) ? " (" + ended + " call(s) ended by " + this.shutdownAction + ")" : ""));
		}
	}

	private void publishReadiness(ReadinessState state) {
		ApplicationEventPublisher publisher = this.eventPublisher;
		if (publisher == null) {
			return;
		}
		try {
			AvailabilityChangeEvent.publish(publisher, this, state);
		}
		catch (RuntimeException ex) {
			logger.debug("Publishing readiness " + state + " failed", ex);
		}
	}

	/**
	 * Waits up to the drain timeout for the live calls, including any offered just before the pause,
	 * to end.
	 * @return the calls still live
	 */
	private List<ActiveCall> drain() {
		long deadline = System.nanoTime() + this.drainTimeout.toNanos();
		List<ActiveCall> live = liveCalls();
		logger.info("Telcoflow: no new calls are offered; " + (live.isEmpty() ? "no call is live"
				: live.size() + " live call(s) finishing, for up to " + this.drainTimeout));
		while (!live.isEmpty()) {
			long left = deadline - System.nanoTime();
			if (left <= 0 || !awaitEnded(live, Duration.ofNanos(left))) {
				break;
			}
			live = liveCalls();
		}
		return liveCalls();
	}

	private List<ActiveCall> liveCalls() {
		Collection<ActiveCall> calls = this.client.getActiveCalls();
		return calls.stream().filter((call) -> !call.terminationFuture().isDone()).toList();
	}

	private void end(ActiveCall call) {
		CompletableFuture<Void> ended = (this.shutdownAction == ShutdownAction.DISCONNECT) ? call.disconnectAsync()
				: call.closeAsync();
		ended.whenComplete((result, ex) -> {
			if (ex != null) {
				// The call may have ended meanwhile; the client's disconnect closes it anyway.
				logger.debug("Ending call " + call.getCallId() + " on shutdown failed", ex);
			}
		});
	}

	private boolean awaitEnded(List<ActiveCall> calls, Duration timeout) {
		CompletableFuture<?>[] terminations = calls.stream()
			.map(ActiveCall::terminationFuture)
			.toArray(CompletableFuture<?>[]::new);
		try {
			CompletableFuture.allOf(terminations).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			// A termination future failing still means the call is over.
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
