package io.telcoflow.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

import io.telcoflow.simulator.websocket.WebSocketConnection;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The commands of one call and their results, per the state table of the wire format. Works under
 * the call's lock.
 */
final class CallCommands {

	private final SimulatedCall call;

	private boolean connectPending;

	private @Nullable ScheduledFuture<?> ringTimer;

	CallCommands(SimulatedCall call) {
		this.call = call;
	}

	void received(WebSocketConnection connection, JsonNode message) {
		JsonNode idNode = message.path("id");
		if (!idNode.isString() || idNode.stringValue().isEmpty()) {
			this.call.protocolError("command without an id: " + WireJson.describe(message.toString()));
			return;
		}
		Command command = new Command(connection, idNode.stringValue(), message.path("name").asString(""), message,
				WireJson.toMap(message), Instant.now());
		Duration delay = this.call.simulator().faults().commandDelay();
		if (delay.isZero()) {
			handle(command);
		}
		else {
			this.call.addTimer(this.call.simulator().schedule(() -> handle(command), delay));
		}
	}

	private void handle(Command command) {
		synchronized (this.call) {
			String rejection = this.call.simulator().faults().takeRejection(command.name());
			if (rejection != null) {
				fail(command, rejection, "rejected by the simulator's fault injection");
				return;
			}
			String state = this.call.state();
			switch (command.name()) {
				case "answer" -> {
					if ("PENDING".equals(state)) {
						succeed(command, "ANSWERED");
						this.call.changeState("ANSWERED");
					}
					else {
						invalidState(command, state);
					}
				}
				case "connect" -> connect(command, state);
				case "whisper", "barge", "spy" -> {
					if ("CONNECTED".equals(state)) {
						succeed(command, "CONNECTED");
					}
					else {
						invalidState(command, state);
					}
				}
				case "disconnect", "close" -> {
					if ("DISCONNECTED".equals(state)) {
						fail(command, "CALL_NOT_FOUND", "the call is over");
					}
					else {
						succeed(command, "DISCONNECTED");
						this.call.end("disconnect".equals(command.name()) ? "disconnected" : "closed");
					}
				}
				default -> fail(command, "INVALID_COMMAND", "unknown command " + command.name());
			}
		}
	}

	private void connect(Command command, String state) {
		JsonNode ringNode = command.message().path("ring_time_seconds");
		int ringTime = 60;
		if (!ringNode.isMissingNode() && !ringNode.isNull()) {
			if (!ringNode.isIntegralNumber() || ringNode.asInt() < 1 || ringNode.asInt() > 600) {
				fail(command, "INVALID_COMMAND", "ring_time_seconds must be an integer 1..600");
				return;
			}
			ringTime = ringNode.asInt();
		}
		if (!("PENDING".equals(state) || "ANSWERED".equals(state))) {
			invalidState(command, state);
			return;
		}
		if (this.connectPending) {
			fail(command, "INVALID_STATE", "a connect is already ringing the callee");
			return;
		}
		this.connectPending = true;
		CalleeBehaviour callee = this.call.script().callee();
		Duration ring = Duration.ofSeconds(ringTime);
		Runnable outcome;
		Duration after;
		switch (callee.kind()) {
			case ANSWERS -> {
				if (callee.delay().compareTo(ring) <= 0) {
					after = callee.delay();
					outcome = () -> connectOutcome(command, null, null);
				}
				else {
					after = ring;
					outcome = unanswered(command, ringTime);
				}
			}
			case NEVER_ANSWERS -> {
				after = ring;
				outcome = unanswered(command, ringTime);
			}
			default -> {
				after = callee.delay();
				outcome = () -> connectOutcome(command, "CONNECT_FAILED", "the callee could not be reached");
			}
		}
		this.ringTimer = this.call.simulator().schedule(outcome, after);
	}

	private Runnable unanswered(Command command, int ringTime) {
		return () -> connectOutcome(command, "CALL_UNANSWERED", "no answer within " + ringTime + " s");
	}

	private void connectOutcome(Command command, @Nullable String errorCode, @Nullable String errorMessage) {
		synchronized (this.call) {
			if (!this.connectPending || this.call.isEnded()) {
				return;
			}
			this.connectPending = false;
			this.ringTimer = null;
			if (errorCode != null) {
				fail(command, errorCode, (errorMessage != null) ? errorMessage : errorCode);
				return;
			}
			succeed(command, "CONNECTED");
			this.call.changeState("CONNECTED");
		}
	}

	void cancelPending() {
		this.connectPending = false;
		ScheduledFuture<?> timer = this.ringTimer;
		if (timer != null) {
			timer.cancel(false);
		}
	}

	private void invalidState(Command command, String state) {
		fail(command, "INVALID_STATE", command.name() + " is not allowed in state " + state);
	}

	private void succeed(Command command, String newState) {
		this.call.record().command(new RecordedCommand(command.name(), command.members(), command.at(), true, null));
		ObjectNode result = WireJson.message("command.result");
		result.put("id", command.id());
		result.put("ok", true);
		result.put("state", newState);
		command.connection().sendText(WireJson.write(result));
	}

	private void fail(Command command, String errorCode, String errorMessage) {
		this.call.record().command(new RecordedCommand(command.name(), command.members(), command.at(), false, errorCode));
		ObjectNode result = WireJson.message("command.result");
		result.put("id", command.id());
		result.put("ok", false);
		result.put("error_code", errorCode);
		result.put("error_message", errorMessage);
		result.put("state", this.call.state());
		command.connection().sendText(WireJson.write(result));
	}

	private record Command(WebSocketConnection connection, String id, String name, JsonNode message,
			Map<String, Object> members, Instant at) {
	}

}
