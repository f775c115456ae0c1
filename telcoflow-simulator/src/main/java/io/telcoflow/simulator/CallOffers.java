package io.telcoflow.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The offers of one call to control sessions: the session it is offered to now, the sessions that
 * had it already (never offered twice to one), and the deadline for its media connection, after
 * which the session loses the call and another may get it. Guarded by the call's lock.
 */
final class CallOffers {

	private static final Logger logger = LoggerFactory.getLogger(CallOffers.class);

	private final SimulatedCall call;

	private final TelcoflowSimulator simulator;

	private final List<String> triedSessions = new ArrayList<>();

	private @Nullable SimulatedSession session;

	private @Nullable ScheduledFuture<?> mediaTimer;

	CallOffers(SimulatedCall call, TelcoflowSimulator simulator) {
		this.call = call;
		this.simulator = simulator;
	}

	/** The session the call is offered to now (read with the call's lock held). */
	@Nullable SimulatedSession session() {
		return this.session;
	}

	/** The sample rate the media connection plays at: the one the offered session announced. */
	int sampleRate() {
		SimulatedSession current = this.session;
		return (current != null) ? current.sampleRate() : 24000;
	}

	boolean wasTriedBy(SimulatedSession candidate) {
		synchronized (this.call) {
			return this.triedSessions.contains(candidate.id());
		}
	}

	/** Offers the call to a session (called by the dispatcher, which assigned it already). */
	void offerTo(SimulatedSession target) {
		ObjectNode incoming = this.call.message("call.incoming");
		synchronized (this.call) {
			if (this.call.isEnded()) {
				target.release(this.call);
				return;
			}
			this.session = target;
			this.triedSessions.add(target.id());
			Instant now = Instant.now();
			this.call.record().offered(target.id(), now);
			CallScript script = this.call.script();
			incoming.put("caller_number", script.callerNumber());
			incoming.put("callee_number", script.calleeNumber());
			incoming.put("media_url", target.mediaBaseUrl() + this.call.mediaPath());
			incoming.put("media_token", this.call.mediaToken());
			incoming.put("offered_at", now.toString());
			this.mediaTimer = this.simulator.schedule(this::mediaOpenTimedOut,
					this.simulator.config().mediaOpenTimeout());
		}
		target.send(incoming);
	}

	private void mediaOpenTimedOut() {
		SimulatedSession offeredTo;
		synchronized (this.call) {
			if (this.call.isEnded() || this.call.mediaEverOpened() || this.session == null) {
				return;
			}
			offeredTo = this.session;
			this.session = null;
			offeredTo.release(this.call);
		}
		offeredTo.send(callEnded("media_timeout"));
		if (this.simulator.hasSessionFor(this.call)) {
			logger.debug("Call {}: media not opened in time, re-offering", this.call.callId());
			this.simulator.queue(this.call);
		}
		else {
			synchronized (this.call) {
				this.call.finish("media_timeout");
			}
		}
	}

	/** The media connection opened in time (with the call's lock held). */
	void mediaOpened() {
		cancelMediaTimer();
		this.mediaTimer = null;
	}

	/** The call is over (with its lock held). */
	void callFinished() {
		cancelMediaTimer();
	}

	private void cancelMediaTimer() {
		ScheduledFuture<?> timer = this.mediaTimer;
		if (timer != null) {
			timer.cancel(false);
		}
	}

	/** What a session hears of a call that ends before its media connection opened. */
	ObjectNode callEnded(String reason) {
		ObjectNode ended = this.call.message("call.ended");
		ended.put("reason", reason);
		return ended;
	}

}
