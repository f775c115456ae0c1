package io.telcoflow.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import io.telcoflow.simulator.websocket.UpgradeDecision;
import io.telcoflow.simulator.websocket.UpgradeRequest;
import io.telcoflow.simulator.websocket.WebSocketConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call placed by a scripted caller: its state on the server, its media connection, and what the
 * client did with it ({@link #record()}). Thread-safe.
 * <p>
 * The call's lock guards its parts too: {@link CallOffers} (the sessions it is offered to),
 * {@link CallMedia} (its media connection and audio) and {@link CallCommands}. This class keeps the
 * state machine and the end of the call, which all of them drive.
 */
public final class SimulatedCall {

	private static final Logger logger = LoggerFactory.getLogger(SimulatedCall.class);

	static final int FRAME_MS = 20;

	private final TelcoflowSimulator simulator;

	private final String callId;

	private final String mediaToken;

	private final CallScript script;

	private final CallRecord record;

	private final List<ScheduledFuture<?>> timers = new ArrayList<>();

	private final CallCommands commands;

	private final CallOffers offers;

	private final CallMedia media;

	private String state = "PENDING";

	private boolean ended;

	private @Nullable String endReason;

	private boolean answeredTimersStarted;

	SimulatedCall(TelcoflowSimulator simulator, String callId, String mediaToken, CallScript script) {
		this.simulator = simulator;
		this.callId = callId;
		this.mediaToken = mediaToken;
		this.script = script;
		this.record = new CallRecord(simulator.config().recordAgentAudio());
		this.commands = new CallCommands(this);
		this.offers = new CallOffers(this, simulator);
		this.media = new CallMedia(this, simulator, this.commands, this.offers);
	}

	/**
	 * Returns the call id sent in {@code call.incoming}.
	 * @return the id
	 */
	public String callId() {
		return this.callId;
	}

	/**
	 * Returns the script this call follows.
	 * @return the script
	 */
	public CallScript script() {
		return this.script;
	}

	/**
	 * Returns the call's state on the server.
	 * @return {@code PENDING}, {@code ANSWERED}, {@code CONNECTED} or {@code DISCONNECTED}
	 */
	public synchronized String state() {
		return this.state;
	}

	/**
	 * Returns whether the call is over.
	 * @return whether ended
	 */
	public synchronized boolean isEnded() {
		return this.ended;
	}

	/**
	 * Returns why the call ended.
	 * @return the reason, {@code null} while it goes on
	 */
	public synchronized @Nullable String endReason() {
		return this.endReason;
	}

	/**
	 * Returns the session the call is offered to now.
	 * @return the session id, {@code null} while waiting for one
	 */
	public synchronized @Nullable String sessionId() {
		SimulatedSession current = this.offers.session();
		return (current != null) ? current.id() : null;
	}

	/**
	 * Returns whether a media connection is open for the call now.
	 * @return whether open
	 */
	public synchronized boolean isMediaOpen() {
		return this.media.connection() != null;
	}

	/**
	 * Returns the media token of the call (what {@code call.incoming} carries).
	 * @return the token
	 */
	public String mediaToken() {
		return this.mediaToken;
	}

	/**
	 * Returns the path of the call's media endpoint.
	 * @return {@code /v1/calls/{callId}/media}
	 */
	public String mediaPath() {
		return "/v1/calls/" + this.callId + "/media";
	}

	/**
	 * Returns what happened on this call so far (live).
	 * @return the record
	 */
	public CallRecord record() {
		return this.record;
	}

	/**
	 * Waits until the call has reached a state (it may have moved on since).
	 * @param expected {@code ANSWERED}, {@code CONNECTED}, {@code DISCONNECTED} ...
	 * @param timeout how long to wait
	 * @throws AssertionError when the state is not reached in time
	 */
	public void awaitState(String expected, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this) {
			while (!this.state.equals(expected) && !this.record.states().contains(expected)) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("Call " + this.callId + " did not reach " + expected + " within "
							+ timeout + "; states " + this.record.states());
				}
				waitNanos(left);
			}
		}
	}

	/**
	 * Waits until the call is over.
	 * @param timeout how long to wait
	 * @return the reason it ended ({@code call.terminated} reason, or {@code caller_hangup} /
	 * {@code media_timeout} for calls that ended before their media opened)
	 * @throws AssertionError when it does not end in time
	 */
	public String awaitEnded(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this) {
			while (!this.ended) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("Call " + this.callId + " did not end within " + timeout + "; state "
							+ this.state + ", " + this.record);
				}
				waitNanos(left);
			}
			return (this.endReason != null) ? this.endReason : "unknown";
		}
	}

	private void waitNanos(long nanos) {
		try {
			wait(Math.max(1, nanos / 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	/**
	 * The caller hangs up now: {@code call.terminated} ({@code caller_hangup}) when the media
	 * connection is open, else {@code call.ended} to the session it was offered to.
	 */
	public void hangUp() {
		SimulatedSession offeredTo;
		synchronized (this) {
			if (this.ended) {
				return;
			}
			if (this.media.everOpened()) {
				end("caller_hangup");
				return;
			}
			offeredTo = this.offers.session();
			finish("caller_hangup");
		}
		if (offeredTo != null) {
			offeredTo.send(this.offers.callEnded("caller_hangup"));
		}
	}

	/**
	 * The caller presses a key now ({@code call.dtmf}, 100 ms).
	 * @param digit the key: {@code 0-9}, {@code *}, {@code #}, {@code A-D}
	 */
	public void pressDigit(char digit) {
		CallScript.checkDigit(digit);
		synchronized (this) {
			if (this.ended) {
				return;
			}
			this.record.dtmf(digit);
			ObjectNode message = message("call.dtmf");
			message.put("digit", String.valueOf(digit));
			message.put("duration_ms", 100);
			sendMedia(message);
		}
	}

	/**
	 * Queues more caller audio, played after what is queued already.
	 * @param pcm PCM s16le mono at the call's sample rate
	 */
	public synchronized void sendCallerAudio(byte[] pcm) {
		this.media.appendCallerAudio(pcm);
	}

	// ---- server side ----------------------------------------------------------------

	TelcoflowSimulator simulator() {
		return this.simulator;
	}

	boolean wasTriedBy(SimulatedSession candidate) {
		return this.offers.wasTriedBy(candidate);
	}

	/** Offers the call to a session (called by the dispatcher, which assigned it already). */
	void offerTo(SimulatedSession target) {
		this.offers.offerTo(target);
	}

	UpgradeDecision mediaUpgrade(UpgradeRequest request) {
		return this.media.upgrade(request);
	}

	void refuseResume() {
		this.media.refuseResume();
	}

	/** A fault: the media connection is no longer read, and each pull asks for the most a pull may. */
	synchronized void stallMedia() {
		this.media.stall();
	}

	@Nullable WebSocketConnection mediaConnection() {
		return this.media.connection();
	}

	boolean mediaEverOpened() {
		return this.media.everOpened();
	}

	/** One audio clock tick: caller audio out, and one pull, while answered or connected. */
	void tick() {
		this.media.tick();
	}

	// ---- state changes (called with the lock held) ------------------------------------

	synchronized void changeState(String next) {
		if (this.state.equals(next)) {
			return;
		}
		String previous = this.state;
		this.state = next;
		this.record.state(next);
		ObjectNode message = message("call.state");
		message.put("state", next);
		message.put("previous", previous);
		sendMedia(message);
		if (("ANSWERED".equals(next) || "CONNECTED".equals(next)) && !this.answeredTimersStarted) {
			this.answeredTimersStarted = true;
			startAnsweredTimers();
		}
		notifyAll();
	}

	/** Ends the call for the client: {@code call.state}, {@code call.terminated}, close 1000. */
	synchronized void end(String reason) {
		if (this.ended) {
			return;
		}
		changeState("DISCONNECTED");
		ObjectNode terminated = message("call.terminated");
		terminated.put("reason", reason);
		this.media.terminate(terminated);
		finish(reason);
	}

	/** The simulator stops: the call is over, nothing more is sent. */
	synchronized void stop() {
		if (!this.ended) {
			finish("simulator_stopped");
		}
	}

	/** Marks the call over (with the lock held) without telling the media connection. */
	void finish(String reason) {
		this.ended = true;
		this.endReason = reason;
		if (!"DISCONNECTED".equals(this.state)) {
			this.state = "DISCONNECTED";
			this.record.state("DISCONNECTED");
		}
		this.record.ended(reason, Instant.now());
		this.offers.callFinished();
		this.timers.forEach((timer) -> timer.cancel(false));
		this.media.callFinished();
		this.commands.cancelPending();
		notifyAll();
		this.simulator.callEnded(this, this.offers.session());
	}

	// ---- the script on the clock (its timers end with the call) ------------------------

	void scheduleScriptTimers() {
		Duration ringing = this.script.hangUpWhileRinging();
		if (ringing != null) {
			addTimer(this.simulator.schedule(() -> {
				if ("PENDING".equals(state())) {
					hangUp();
				}
			}, ringing));
		}
	}

	private void startAnsweredTimers() {
		for (CallScript.Dtmf dtmf : this.script.dtmf()) {
			addTimer(this.simulator.schedule(() -> pressDigit(dtmf.digit()), dtmf.afterAnswer()));
		}
		Duration hangUpAfter = this.script.hangUpAfter();
		if (hangUpAfter != null) {
			addTimer(this.simulator.schedule(this::hangUp, hangUpAfter));
		}
	}

	synchronized void addTimer(ScheduledFuture<?> timer) {
		this.timers.add(timer);
	}

	// ---- messages -----------------------------------------------------------------------

	boolean sendMedia(ObjectNode message) {
		return this.media.send(message);
	}

	ObjectNode message(String type) {
		ObjectNode message = WireJson.message(type);
		message.put("call_id", this.callId);
		return message;
	}

	synchronized void protocolError(String description) {
		logger.debug("Call {}: client protocol error: {}", this.callId, description);
		this.record.protocolError(description);
	}

	@Override
	public String toString() {
		return "SimulatedCall[" + this.callId + ", " + state() + "]";
	}

}
