package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.WssException;
import org.jspecify.annotations.Nullable;

/**
 * Records client-level events for assertions.
 */
class RecordingClientListener implements TelcoflowClientListener {

	final List<ConnectionState> states = new CopyOnWriteArrayList<>();

	final List<Duration> reconnectDelays = new CopyOnWriteArrayList<>();

	final List<Integer> reconnectAttempts = new CopyOnWriteArrayList<>();

	final List<WssException> errors = new CopyOnWriteArrayList<>();

	final List<String> protocolErrors = new CopyOnWriteArrayList<>();

	final List<String> commands = new CopyOnWriteArrayList<>();

	final List<TerminationReason> ended = new CopyOnWriteArrayList<>();

	final List<String> started = new CopyOnWriteArrayList<>();

	final List<String> eventThreads = new CopyOnWriteArrayList<>();

	final List<Throwable> handlerFailures = new CopyOnWriteArrayList<>();

	final AtomicInteger handlersStarted = new AtomicInteger();

	final AtomicInteger audioSentBytes = new AtomicInteger();

	final AtomicInteger audioReceivedBytes = new AtomicInteger();

	final AtomicInteger droppedInbound = new AtomicInteger();

	@Override
	public void onConnectionStateChanged(ConnectionState previous, ConnectionState current) {
		this.states.add(current);
		this.eventThreads.add(Thread.currentThread().getName());
	}

	@Override
	public void onReconnectScheduled(int attempt, Duration delay) {
		this.reconnectAttempts.add(attempt);
		this.reconnectDelays.add(delay);
	}

	@Override
	public void onCallStarted(ActiveCall call) {
		this.started.add(call.getCallId());
		this.eventThreads.add(Thread.currentThread().getName());
	}

	@Override
	public void onHandlerStarted(ActiveCall call, Duration dispatchDelay) {
		this.handlersStarted.incrementAndGet();
	}

	@Override
	public void onCallEnded(ActiveCall call, TerminationReason reason, Duration duration) {
		this.ended.add(reason);
	}

	@Override
	public void onCommandCompleted(ActiveCall call, String command, Duration latency, @Nullable String errorCode) {
		this.commands.add(command + ":" + ((errorCode != null) ? errorCode : "ok"));
	}

	@Override
	public void onAudioReceived(ActiveCall call, int bytes) {
		this.audioReceivedBytes.addAndGet(bytes);
	}

	@Override
	public void onAudioSent(ActiveCall call, int bytes) {
		this.audioSentBytes.addAndGet(bytes);
	}

	@Override
	public void onInboundAudioDropped(ActiveCall call, int bytes) {
		this.droppedInbound.incrementAndGet();
	}

	@Override
	public void onError(WssException error, @Nullable ActiveCall call) {
		this.errors.add(error);
	}

	@Override
	public void onHandlerFailed(ActiveCall call, Throwable failure) {
		this.handlerFailures.add(failure);
	}

	@Override
	public void onProtocolError(@Nullable ActiveCall call, String description) {
		this.protocolErrors.add(description);
	}

	<T extends WssException> long errorsOfType(Class<T> type) {
		return this.errors.stream().filter(type::isInstance).count();
	}

}
