package io.telcoflow.simulator;

import java.time.Instant;
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
 * The media connection of one call: who may open it, a newer connection taking over, the resume
 * window after a drop, and the frames on it (commands and agent audio in, messages and caller audio
 * out). Guarded by the call's lock, like the rest of the call, because the connection opening or
 * dropping races with the call ending.
 */
final class CallMedia {

	private static final Logger logger = LoggerFactory.getLogger(CallMedia.class);

	private final SimulatedCall call;

	private final TelcoflowSimulator simulator;

	private final CallCommands commands;

	private final CallOffers offers;

	private final CallAudio audio = new CallAudio();

	private @Nullable WebSocketConnection connection;

	private boolean everOpened;

	private boolean refuseResume;

	private @Nullable ScheduledFuture<?> resumeTimer;

	CallMedia(SimulatedCall call, TelcoflowSimulator simulator, CallCommands commands, CallOffers offers) {
		this.call = call;
		this.simulator = simulator;
		this.commands = commands;
		this.offers = offers;
	}

	UpgradeDecision upgrade(UpgradeRequest request) {
		String token = request.header("telcoflow-media-token");
		synchronized (this.call) {
			if (token == null || token.isEmpty()) {
				return UpgradeDecision.refuse(401);
			}
			if (!this.call.mediaToken().equals(token)) {
				return UpgradeDecision.refuse(403);
			}
			// a refused resume is refused even if the dropped connection's close has not been read yet:
			// the client may retry at once, before this side has noticed the drop
			if (this.call.isEnded() || (this.everOpened && this.refuseResume)) {
				return UpgradeDecision.refuse(404);
			}
		}
		return UpgradeDecision.accept(new Handler());
	}

	void refuseResume() {
		synchronized (this.call) {
			this.refuseResume = true;
		}
	}

	@Nullable WebSocketConnection connection() {
		synchronized (this.call) {
			return this.connection;
		}
	}

	/** Whether a media connection ever opened: from then on the call ends on the media connection. */
	boolean everOpened() {
		synchronized (this.call) {
			return this.everOpened;
		}
	}

	void appendCallerAudio(byte[] pcm) {
		synchronized (this.call) {
			this.audio.append(pcm);
		}
	}

	boolean send(ObjectNode message) {
		WebSocketConnection current = this.connection;
		return current != null && current.sendText(WireJson.write(message));
	}

	/** Sends the last message of the call and closes the connection (with the call's lock held). */
	void terminate(ObjectNode terminated) {
		WebSocketConnection current = this.connection;
		if (current != null) {
			current.sendText(WireJson.write(terminated));
			current.close(1000, "call terminated");
		}
	}

	/** The call is over (with its lock held): no resume to wait for, no audio to keep. */
	void callFinished() {
		ScheduledFuture<?> timer = this.resumeTimer;
		if (timer != null) {
			timer.cancel(false);
		}
		this.audio.release();
	}

	/** A fault (with the call's lock held): see {@link SimulatedCall#stallMedia()}. */
	void stall() {
		WebSocketConnection current = this.connection;
		if (current != null) {
			current.stopReading();
			this.audio.pullMaximum();
		}
	}

	/** One audio clock tick: caller audio out, and one pull, while answered or connected. */
	void tick() {
		synchronized (this.call) {
			WebSocketConnection current = this.connection;
			String state = this.call.state();
			if (current == null || this.call.isEnded()
					|| !("ANSWERED".equals(state) || "CONNECTED".equals(state))) {
				return;
			}
			this.audio.tick(current, this.call.record(), this.simulator.config().audioFrameObserver(), this.call);
		}
	}

	private void opened(WebSocketConnection opened) {
		synchronized (this.call) {
			if (this.call.isEnded()) {
				opened.close(1000, "call is over");
				return;
			}
			WebSocketConnection previous = this.connection;
			this.connection = opened;
			if (previous != null) {
				previous.close(4009, "call taken over by another media connection");
			}
			this.offers.mediaOpened();
			ScheduledFuture<?> timer = this.resumeTimer;
			if (timer != null) {
				timer.cancel(false);
			}
			this.resumeTimer = null;
			int sampleRate = this.offers.sampleRate();
			if (!this.everOpened) {
				this.everOpened = true;
				this.audio.start(this.call.script(), sampleRate, this.call.callId());
			}
			this.call.record().mediaOpened(Instant.now(), sampleRate);
			ObjectNode started = this.call.message("media.started");
			started.put("state", this.call.state());
			started.put("sample_rate", this.audio.sampleRate());
			started.put("frame_ms", SimulatedCall.FRAME_MS);
			opened.sendText(WireJson.write(started));
			this.audio.resetPull();
		}
		this.simulator.mediaOpened(this.call, opened);
	}

	private void closed(WebSocketConnection closed) {
		synchronized (this.call) {
			if (this.connection != closed) {
				return;
			}
			this.connection = null;
			this.audio.resetPull();
			if (this.call.isEnded()) {
				return;
			}
			logger.debug("Call {}: media connection lost, waiting for a resume", this.call.callId());
			this.resumeTimer = this.simulator.schedule(() -> {
				synchronized (this.call) {
					if (this.connection == null && !this.call.isEnded()) {
						this.call.end("error");
					}
				}
			}, this.simulator.config().mediaResumeTimeout());
		}
	}

	private void agentAudio(WebSocketConnection from, byte[] data, int length) {
		synchronized (this.call) {
			if (from != this.connection) {
				return;
			}
			this.audio.agentFrame(data, length, this.call.record(), this.simulator.config().audioFrameObserver(),
					this.call);
		}
	}

	/** Events of one media connection; a resumed call gets a new one for each connection. */
	private final class Handler implements WebSocketHandler {

		@Override
		public void onOpen(WebSocketConnection connection) {
			opened(connection);
		}

		@Override
		public void onText(WebSocketConnection connection, String text) {
			JsonNode message = WireJson.parse(text);
			if (message == null) {
				CallMedia.this.call.protocolError("malformed message: " + WireJson.describe(text));
				return;
			}
			String type = message.path("type").stringValue();
			if ("command".equals(type)) {
				CallMedia.this.commands.received(connection, message);
			}
			else {
				CallMedia.this.call.protocolError("unknown message type " + type);
			}
		}

		@Override
		public void onBinary(WebSocketConnection connection, byte[] data, int length) {
			agentAudio(connection, data, length);
		}

		@Override
		public void onProtocolError(WebSocketConnection connection, String description) {
			CallMedia.this.call.protocolError(description);
		}

		@Override
		public void onClosed(WebSocketConnection connection, int code) {
			CallMedia.this.simulator.mediaClosed(CallMedia.this.call, connection);
			closed(connection);
		}

	}

}
