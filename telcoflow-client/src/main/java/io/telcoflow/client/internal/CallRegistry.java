package io.telcoflow.client.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.WssMediaException;
import io.telcoflow.client.internal.protocol.CallHandover;
import io.telcoflow.client.internal.protocol.ServerMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's calls: creating them from offers and hand-overs, finding them, and forgetting them
 * when they end. It is a class of its own because a call's life, from offer to end, is one story
 * that the client's connection state and readiness only touch through the call count.
 */
final class CallRegistry {

	// the client's category, where these messages have always been logged: configurations name it
	private static final Logger logger = LoggerFactory.getLogger(DefaultTelcoflowClient.class);

	private final DefaultTelcoflowClient client;

	private final HandlerRunner handlers;

	private final Map<String, DefaultActiveCall> calls = new ConcurrentHashMap<>();

	CallRegistry(DefaultTelcoflowClient client, HandlerRunner handlers) {
		this.client = client;
		this.handlers = handlers;
	}

	int size() {
		return this.calls.size();
	}

	boolean isEmpty() {
		return this.calls.isEmpty();
	}

	/**
	 * Returns a call that has not ended.
	 * @param callId its id
	 * @return the call, or {@code null}
	 */
	@Nullable DefaultActiveCall live(String callId) {
		DefaultActiveCall call = this.calls.get(callId);
		return (call != null && !call.isEnded()) ? call : null;
	}

	Collection<ActiveCall> live() {
		return this.calls.values().stream().filter((call) -> !call.isEnded()).map(ActiveCall.class::cast).toList();
	}

	/**
	 * Ends every call here (the client is closing).
	 * @param reason why
	 */
	void endAll(TerminationReason reason) {
		for (DefaultActiveCall call : this.calls.values()) {
			call.endLocally(reason);
		}
	}

	/**
	 * Takes over a call handed over by another process, waiting until its media connection has
	 * started.
	 * @param json the hand-over
	 * @return the call
	 */
	ActiveCall attach(String json) {
		CallHandover handover = this.client.codec().decodeHandover(json);
		DefaultActiveCall existing = this.calls.get(handover.callId());
		if (existing != null && !existing.isEnded()) {
			return existing;
		}
		DefaultActiveCall call = new DefaultActiveCall(this.client, handover,
				this.client.endpoints().mediaUri(handover.mediaUrl()), true);
		this.calls.put(call.getCallId(), call);
		this.client.updateCapacity();
		call.media().open();
		Duration wait = MediaChannel.startDeadline(this.client.config());
		try {
			call.media().started().get(wait.toMillis(), TimeUnit.MILLISECONDS);
			logger.info("Took over call {}", call.getCallId());
			return call;
		}
		catch (TimeoutException ex) {
			WssMediaException failure = this.client.listeners()
				.error(new WssMediaException(
						"Media connection of call " + call.getCallId() + " not started within " + wait), call);
			call.mediaLost(failure);
			throw failure;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			call.endLocally(TerminationReason.CLIENT_CLOSED);
			throw this.client.listeners()
				.error(new WssMediaException("Interrupted while attaching call " + call.getCallId()), call);
		}
		catch (ExecutionException ex) {
			throw Futures.rethrow(ex.getCause());
		}
	}

	/**
	 * A call was offered on the control connection (reader thread): registers it, then opens its
	 * media connection and starts its handler thread from another event loop.
	 * @param incoming the offer
	 */
	void offered(ServerMessage.CallIncoming incoming) {
		if (this.client.getConnectionState() == ConnectionState.CLOSED) {
			return;
		}
		if (this.calls.containsKey(incoming.callId())) {
			logger.debug("Ignoring the re-offered call {}", incoming.callId());
			return;
		}
		URI mediaUri;
		try {
			mediaUri = this.client.endpoints().mediaUri(incoming.mediaUrl());
		}
		catch (IllegalArgumentException ex) {
			this.client.listeners().protocolError(null, "call.incoming with invalid media_url");
			return;
		}
		CallHandover details = new CallHandover(incoming.callId(), mediaUri.toString(), incoming.mediaToken(),
				incoming.callerNumber(), incoming.calleeNumber(), this.client.config().getSampleRate(),
				(incoming.offeredAt() != null) ? incoming.offeredAt() : Instant.now());
		DefaultActiveCall call = new DefaultActiveCall(this.client, details, mediaUri, false);
		if (this.calls.putIfAbsent(call.getCallId(), call) != null) {
			return;
		}
		logger.debug("Call {} offered; opening its media connection", call.getCallId());
		this.client.listeners().each((listener) -> listener.onCallOffered(call));
		this.client.updateCapacity();
		// the rest (the media handshake's set-up, the handler's thread) runs on another event loop:
		// a burst of offers costs the control connection's reader a registration each, and the media
		// connections of the burst are set up in parallel
		this.client.transport().dispatch(() -> {
			call.media().open();
			this.handlers.prepare(call);
		});
	}

	/**
	 * An offered call ended before its media connection opened (reader thread).
	 * @param ended the notice
	 */
	void offerEnded(ServerMessage.CallEnded ended) {
		DefaultActiveCall call = this.calls.get(ended.callId());
		if (call == null || call.media().isStarted()) {
			return;
		}
		logger.info("Offered call {} ended before its media connection opened ({})", ended.callId(), ended.reason());
		call.endLocally("caller_hangup".equals(ended.reason()) ? TerminationReason.CALLER_HANGUP
				: TerminationReason.TIMEOUT);
	}

	/**
	 * A call ended: forget it and update the capacity.
	 * @param call the call
	 * @param reason why
	 * @param duration since the offer
	 */
	void ended(DefaultActiveCall call, TerminationReason reason, Duration duration) {
		this.calls.remove(call.getCallId(), call);
		if (this.client.getConnectionState() != ConnectionState.CLOSED) {
			this.client.updateCapacity();
		}
		if (call.media().isStarted()) {
			this.client.listeners().eachAlways((listener) -> listener.onCallEnded(call, reason, duration));
		}
	}

}
