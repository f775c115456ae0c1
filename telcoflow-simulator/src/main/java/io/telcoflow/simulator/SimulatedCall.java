package io.telcoflow.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import io.telcoflow.simulator.websocket.UpgradeDecision;
import io.telcoflow.simulator.websocket.UpgradeRequest;
import io.telcoflow.simulator.websocket.WebSocketConnection;
import io.telcoflow.simulator.websocket.WebSocketHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call placed by a scripted caller: its state on the server, its media connection, and what the
 * client did with it ({@link #record()}). Thread-safe.
 */
public final class SimulatedCall {

	private static final Logger logger = LoggerFactory.getLogger(SimulatedCall.class);

	static final int FRAME_MS = 20;

	private final TelcoflowSimulator simulator;

	private final String callId;

	private final String mediaToken;

	private final CallScript script;

	private final CallRecord record;

	private final List<String> triedSessions = new ArrayList<>();

	private final List<ScheduledFuture<?>> timers = new ArrayList<>();

	private final CallAudio audio = new CallAudio();

	private final CallCommands commands;

	private String state = "PENDING";

	private boolean ended;

	private @Nullable String endReason;

	private @Nullable SimulatedSession session;

	private @Nullable WebSocketConnection media;

	private boolean mediaEverOpened;

	private boolean refuseResume;

	private boolean answeredTimersStarted;

	private @Nullable ScheduledFuture<?> mediaTimer;

	private @Nullable ScheduledFuture<?> resumeTimer;

	SimulatedCall(TelcoflowSimulator simulator, String callId, String mediaToken, CallScript script) {
		this.simulator = simulator;
		this.callId = callId;
		this.mediaToken = mediaToken;
		this.script = script;
		this.record = new CallRecord(simulator.recordAgentAudio());
		this.commands = new CallCommands(this);
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
		SimulatedSession current = this.session;
		return (current != null) ? current.id() : null;
	}

	/**
	 * Returns whether a media connection is open for the call now.
	 * @return whether open
	 */
	public synchronized boolean isMediaOpen() {
		return this.media != null;
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
			if (this.mediaEverOpened) {
				end("caller_hangup");
				return;
			}
			offeredTo = this.session;
			finish("caller_hangup");
		}
		if (offeredTo != null) {
			offeredTo.send(callEnded("caller_hangup"));
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
		this.audio.append(pcm);
	}

	// ---- server side ----------------------------------------------------------------

	TelcoflowSimulator simulator() {
		return this.simulator;
	}

	synchronized boolean wasTriedBy(SimulatedSession candidate) {
		return this.triedSessions.contains(candidate.id());
	}

	/** Offers the call to a session (called by the dispatcher, which assigned it already). */
	void offerTo(SimulatedSession target) {
		ObjectNode incoming = message("call.incoming");
		synchronized (this) {
			if (this.ended) {
				target.release(this);
				return;
			}
			this.session = target;
			this.triedSessions.add(target.id());
			Instant now = Instant.now();
			this.record.offered(target.id(), now);
			incoming.put("caller_number", this.script.callerNumber());
			incoming.put("callee_number", this.script.calleeNumber());
			incoming.put("media_url", target.mediaBaseUrl() + mediaPath());
			incoming.put("media_token", this.mediaToken);
			incoming.put("offered_at", now.toString());
			this.mediaTimer = this.simulator.schedule(this::mediaOpenTimedOut, this.simulator.mediaOpenTimeout());
		}
		target.send(incoming);
	}

	private void mediaOpenTimedOut() {
		SimulatedSession offeredTo;
		synchronized (this) {
			if (this.ended || this.mediaEverOpened || this.session == null) {
				return;
			}
			offeredTo = this.session;
			this.session = null;
			offeredTo.release(this);
		}
		offeredTo.send(callEnded("media_timeout"));
		if (this.simulator.hasSessionFor(this)) {
			logger.debug("Call {}: media not opened in time, re-offering", this.callId);
			this.simulator.queue(this);
		}
		else {
			synchronized (this) {
				finish("media_timeout");
			}
		}
	}

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

	UpgradeDecision mediaUpgrade(UpgradeRequest request) {
		String token = request.header("telcoflow-media-token");
		synchronized (this) {
			if (token == null || token.isEmpty()) {
				return UpgradeDecision.refuse(401);
			}
			if (!this.mediaToken.equals(token)) {
				return UpgradeDecision.refuse(403);
			}
			if (this.ended || (this.mediaEverOpened && this.media == null && this.refuseResume)) {
				return UpgradeDecision.refuse(404);
			}
		}
		return UpgradeDecision.accept(new MediaHandler());
	}

	synchronized void refuseResume() {
		this.refuseResume = true;
	}

	@Nullable WebSocketConnection mediaConnection() {
		synchronized (this) {
			return this.media;
		}
	}

	private void mediaOpened(WebSocketConnection connection) {
		synchronized (this) {
			if (this.ended) {
				connection.close(1000, "call is over");
				return;
			}
			WebSocketConnection previous = this.media;
			this.media = connection;
			if (previous != null) {
				previous.close(4009, "call taken over by another media connection");
			}
			cancel(this.mediaTimer);
			this.mediaTimer = null;
			cancel(this.resumeTimer);
			this.resumeTimer = null;
			int sampleRate = (this.session != null) ? this.session.sampleRate() : 24000;
			if (!this.mediaEverOpened) {
				this.mediaEverOpened = true;
				this.audio.start(this.script, sampleRate, this.callId);
			}
			this.record.mediaOpened(Instant.now(), sampleRate);
			ObjectNode started = message("media.started");
			started.put("state", this.state);
			started.put("sample_rate", this.audio.sampleRate());
			started.put("frame_ms", FRAME_MS);
			connection.sendText(WireJson.write(started));
			this.audio.resetPull();
		}
		this.simulator.mediaOpened(this, connection);
	}

	private void mediaClosed(WebSocketConnection connection) {
		synchronized (this) {
			if (this.media != connection) {
				return;
			}
			this.media = null;
			this.audio.resetPull();
			if (this.ended) {
				return;
			}
			logger.debug("Call {}: media connection lost, waiting for a resume", this.callId);
			this.resumeTimer = this.simulator.schedule(() -> {
				synchronized (this) {
					if (this.media == null && !this.ended) {
						end("error");
					}
				}
			}, this.simulator.mediaResumeTimeout());
		}
	}

	/** One audio clock tick: caller audio out, and one pull, while answered or connected. */
	synchronized void tick() {
		WebSocketConnection connection = this.media;
		if (connection == null || this.ended || !("ANSWERED".equals(this.state) || "CONNECTED".equals(this.state))) {
			return;
		}
		this.audio.tick(connection, this.record, this.simulator.audioFrameObserver(), this);
	}

	private void onAgentAudio(WebSocketConnection connection, byte[] data, int length) {
		synchronized (this) {
			if (connection != this.media) {
				return;
			}
			this.audio.agentFrame(data, length, this.record, this.simulator.audioFrameObserver(), this);
		}
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

	private void startAnsweredTimers() {
		for (CallScript.Dtmf dtmf : this.script.dtmf()) {
			addTimer(this.simulator.schedule(() -> pressDigit(dtmf.digit()), dtmf.afterAnswer()));
		}
		Duration hangUpAfter = this.script.hangUpAfter();
		if (hangUpAfter != null) {
			addTimer(this.simulator.schedule(this::hangUp, hangUpAfter));
		}
	}

	/** Ends the call for the client: {@code call.state}, {@code call.terminated}, close 1000. */
	synchronized void end(String reason) {
		if (this.ended) {
			return;
		}
		changeState("DISCONNECTED");
		ObjectNode terminated = message("call.terminated");
		terminated.put("reason", reason);
		WebSocketConnection connection = this.media;
		if (connection != null) {
			connection.sendText(WireJson.write(terminated));
			connection.close(1000, "call terminated");
		}
		finish(reason);
	}

	/** The simulator stops: the call is over, nothing more is sent. */
	synchronized void stop() {
		if (!this.ended) {
			finish("simulator_stopped");
		}
	}

	/** Marks the call over (with the lock held) without telling the media connection. */
	private void finish(String reason) {
		this.ended = true;
		this.endReason = reason;
		if (!"DISCONNECTED".equals(this.state)) {
			this.state = "DISCONNECTED";
			this.record.state("DISCONNECTED");
		}
		this.record.ended(reason, Instant.now());
		cancel(this.mediaTimer);
		this.timers.forEach(SimulatedCall::cancel);
		cancel(this.resumeTimer);
		this.commands.cancelPending();
		this.audio.release();
		notifyAll();
		this.simulator.callEnded(this, this.session);
	}

	synchronized void addTimer(ScheduledFuture<?> timer) {
		this.timers.add(timer);
	}

	private static void cancel(@Nullable ScheduledFuture<?> timer) {
		if (timer != null) {
			timer.cancel(false);
		}
	}

	boolean sendMedia(ObjectNode message) {
		WebSocketConnection connection = this.media;
		return connection != null && connection.sendText(WireJson.write(message));
	}

	ObjectNode message(String type) {
		ObjectNode message = WireJson.message(type);
		message.put("call_id", this.callId);
		return message;
	}

	private ObjectNode callEnded(String reason) {
		ObjectNode ended = message("call.ended");
		ended.put("reason", reason);
		return ended;
	}

	synchronized void protocolError(String description) {
		logger.debug("Call {}: client protocol error: {}", this.callId, description);
		this.record.protocolError(description);
	}

	private final class MediaHandler implements WebSocketHandler {

		@Override
		public void onOpen(WebSocketConnection connection) {
			mediaOpened(connection);
		}

		@Override
		public void onText(WebSocketConnection connection, String text) {
			JsonNode message = WireJson.parse(text);
			if (message == null) {
				protocolError("malformed message: " + WireJson.describe(text));
				return;
			}
			String type = message.path("type").stringValue();
			if ("command".equals(type)) {
				SimulatedCall.this.commands.received(connection, message);
			}
			else {
				protocolError("unknown message type " + type);
			}
		}

		@Override
		public void onBinary(WebSocketConnection connection, byte[] data, int length) {
			onAgentAudio(connection, data, length);
		}

		@Override
		public void onProtocolError(WebSocketConnection connection, String description) {
			protocolError(description);
		}

		@Override
		public void onClosed(WebSocketConnection connection, int code) {
			SimulatedCall.this.simulator.mediaClosed(SimulatedCall.this, connection);
			mediaClosed(connection);
		}

	}

	@Override
	public String toString() {
		return "SimulatedCall[" + this.callId + ", " + state() + "]";
	}

}
