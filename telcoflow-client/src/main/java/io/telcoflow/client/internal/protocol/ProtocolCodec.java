package io.telcoflow.client.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.telcoflow.client.CallState;
import io.telcoflow.client.TerminationReason;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes client messages and decodes server messages of {@code telcoflow-wire/1}. Decoding never
 * throws: a frame that breaks the protocol becomes {@link ServerMessage.Invalid}. Thread-safe.
 */
public final class ProtocolCodec {

	/** The protocol this codec speaks. */
	public static final String PROTOCOL = "telcoflow-wire/1";

	/** The largest text frame accepted, in UTF-8 bytes. */
	public static final int MAX_TEXT_FRAME_BYTES = 64 * 1024;

	/** The heartbeat interval assumed when the server names none. */
	public static final long DEFAULT_HEARTBEAT_INTERVAL_MS = 15_000;

	private static final int PREFIX_LENGTH = 40;

	private static final String COMPACT_PULL = "{\"type\":\"audio.pull\",\"bytes\":";

	/** The largest value of a member that the API holds in an {@code int}. */
	private static final long MAX_INT_MEMBER = Integer.MAX_VALUE;

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Decodes one text frame.
	 * @param text the frame
	 * @return the message, or {@link ServerMessage.Invalid} describing what was wrong
	 */
	public ServerMessage decode(String text) {
		int pull = compactPull(text);
		if (pull > 0) {
			return new ServerMessage.AudioPull(pull);
		}
		int bytes = utf8Length(text);
		if (bytes > MAX_TEXT_FRAME_BYTES) {
			return invalid("text frame of " + bytes + " bytes exceeds " + MAX_TEXT_FRAME_BYTES);
		}
		JsonNode node;
		try {
			node = this.mapper.readTree(text);
		}
		catch (JacksonException ex) {
			return invalid("malformed JSON: '" + prefix(text) + "'");
		}
		if (node == null || !node.isObject()) {
			return invalid("not a JSON object: '" + prefix(text) + "'");
		}
		JsonNode type = node.get("type");
		if (type == null || !type.isString()) {
			return invalid("no string member 'type': '" + prefix(text) + "'");
		}
		try {
			return decode(type.stringValue(), node);
		}
		catch (InvalidFrameException ex) {
			return invalid(ex.getMessage());
		}
	}

	/**
	 * Reads the number of bytes of an {@code audio.pull} in exactly the compact form the server
	 * sends 50 times a second per call, {@code {"type":"audio.pull","bytes":N}}, without building a
	 * JSON tree.
	 * @param text the frame
	 * @return the bytes (1 to 999,999,999), or 0 when the frame is anything else (then decoded in
	 * full)
	 */
	static int compactPull(String text) {
		int length = text.length();
		int start = COMPACT_PULL.length();
		int digits = length - start - 1;
		if (digits < 1 || digits > 9 || text.charAt(length - 1) != '}' || !text.startsWith(COMPACT_PULL)
				|| text.charAt(start) == '0') {
			return 0;
		}
		int value = 0;
		for (int i = start; i < length - 1; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return 0;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private ServerMessage decode(String type, JsonNode node) {
		switch (type) {
			case "session.welcome":
				return new ServerMessage.Welcome(optionalString(node, "session_id", ""),
						optionalString(node, "protocol", PROTOCOL),
						positiveLong(node, "heartbeat_interval_ms", DEFAULT_HEARTBEAT_INTERVAL_MS, MAX_INT_MEMBER));
			case "call.incoming":
				return new ServerMessage.CallIncoming(string(node, "call_id"), nullableString(node, "caller_number"),
						nullableString(node, "callee_number"), string(node, "media_url"), string(node, "media_token"),
						instant(node, "offered_at"));
			case "call.ended":
				return new ServerMessage.CallEnded(string(node, "call_id"), optionalString(node, "reason", ""));
			case "session.draining":
				return new ServerMessage.Draining(nonNegativeLong(node, "reconnect_after_ms", 0));
			case "error":
				return new ServerMessage.Error(optionalString(node, "code", ""), optionalString(node, "message", ""));
			case "media.started":
				return new ServerMessage.MediaStarted(string(node, "call_id"), state(node, "state"),
						(int) positiveLong(node, "sample_rate", 24000, MAX_INT_MEMBER),
						(int) positiveLong(node, "frame_ms", 20, MAX_INT_MEMBER));
			case "command.result":
				return commandResult(node);
			case "call.state":
				return new ServerMessage.StateChanged(state(node, "state"), nullableState(node, "previous"));
			case "call.dtmf":
				return dtmf(node);
			case "call.terminated":
				return new ServerMessage.Terminated(terminationReason(optionalString(node, "reason", "")));
			case "audio.pull":
				if (node.get("bytes") == null) {
					throw new InvalidFrameException("audio.pull without a positive 'bytes'");
				}
				return new ServerMessage.AudioPull((int) positiveLong(node, "bytes", 0, MAX_INT_MEMBER));
			default:
				return invalid("unknown type '" + prefix(type) + "'");
		}
	}

	private ServerMessage commandResult(JsonNode node) {
		String id = string(node, "id");
		JsonNode ok = node.get("ok");
		if (ok == null || !ok.isBoolean()) {
			throw new InvalidFrameException("command.result without boolean 'ok'");
		}
		return new ServerMessage.CommandResult(id, ok.booleanValue(), nullableState(node, "state"),
				nullableString(node, "error_code"), nullableString(node, "error_message"));
	}

	private ServerMessage dtmf(JsonNode node) {
		String digit = string(node, "digit");
		if (digit.length() != 1 || "0123456789*#ABCD".indexOf(digit.charAt(0)) < 0) {
			throw new InvalidFrameException("call.dtmf with invalid digit '" + prefix(digit) + "'");
		}
		return new ServerMessage.Dtmf(digit.charAt(0), nonNegativeLong(node, "duration_ms", 0));
	}

	/**
	 * Maps a termination reason of the wire to the API's; unknown reasons end the call as
	 * {@link TerminationReason#ERROR}, so that a newer server can never keep a call alive.
	 * @param reason the wire value
	 * @return the reason
	 */
	static TerminationReason terminationReason(String reason) {
		return switch (reason) {
			case "caller_hangup" -> TerminationReason.CALLER_HANGUP;
			case "callee_hangup" -> TerminationReason.CALLEE_HANGUP;
			case "disconnected" -> TerminationReason.DISCONNECTED;
			case "closed" -> TerminationReason.CLOSED;
			case "timeout" -> TerminationReason.TIMEOUT;
			default -> TerminationReason.ERROR;
		};
	}

	/**
	 * Encodes a client message.
	 * @param message the message
	 * @return the text frame
	 */
	public String encode(ClientMessage message) {
		ObjectNode node = this.mapper.createObjectNode();
		if (message instanceof ClientMessage.Command command) {
			node.put("type", "command");
			node.put("id", command.id());
			node.put("name", command.name());
			if (command.ringTimeSeconds() != null) {
				node.put("ring_time_seconds", command.ringTimeSeconds().intValue());
			}
		}
		else if (message instanceof ClientMessage.SessionReady ready) {
			node.put("type", "session.ready");
			node.put("sample_rate", ready.sampleRate());
			node.put("max_calls", ready.maxCalls());
		}
		else if (message instanceof ClientMessage.SessionCapacity capacity) {
			node.put("type", "session.capacity");
			node.put("available", capacity.available());
		}
		else {
			node.put("type", "session.pause");
		}
		return this.mapper.writeValueAsString(node);
	}

	/**
	 * Serialises a call for hand-over.
	 * @param handover the call's details
	 * @return a JSON object
	 */
	public String encodeHandover(CallHandover handover) {
		ObjectNode node = this.mapper.createObjectNode();
		node.put("type", "telcoflow.call");
		node.put("protocol", PROTOCOL);
		node.put("call_id", handover.callId());
		node.put("media_url", handover.mediaUrl());
		node.put("media_token", handover.mediaToken());
		node.put("caller_number", handover.callerNumber());
		node.put("callee_number", handover.calleeNumber());
		node.put("sample_rate", handover.sampleRate());
		node.put("offered_at", handover.offeredAt().toString());
		return this.mapper.writeValueAsString(node);
	}

	/**
	 * Reads a call serialised by {@link #encodeHandover(CallHandover)}.
	 * @param json the JSON
	 * @return the call's details
	 * @throws IllegalArgumentException when the JSON is not a serialised call
	 */
	public CallHandover decodeHandover(String json) {
		JsonNode node;
		try {
			node = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Not a serialised Telcoflow call: malformed JSON");
		}
		if (node == null || !node.isObject() || !"telcoflow.call".equals(optionalString(node, "type", ""))) {
			throw new IllegalArgumentException("Not a serialised Telcoflow call: expected a JSON object of type "
					+ "'telcoflow.call' as returned by ActiveCall.toJson()");
		}
		try {
			Instant offeredAt = instant(node, "offered_at");
			return new CallHandover(string(node, "call_id"), string(node, "media_url"), string(node, "media_token"),
					nullableString(node, "caller_number"), nullableString(node, "callee_number"),
					(int) positiveLong(node, "sample_rate", 24000, MAX_INT_MEMBER),
					(offeredAt != null) ? offeredAt : Instant.now());
		}
		catch (InvalidFrameException ex) {
			throw new IllegalArgumentException("Not a serialised Telcoflow call: " + ex.getMessage());
		}
	}

	private static String string(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || !value.isString() || value.stringValue().isEmpty()) {
			throw new InvalidFrameException(typeOf(node) + " without string '" + name + "'");
		}
		return value.stringValue();
	}

	private static @Nullable String nullableString(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidFrameException(typeOf(node) + " with non-string '" + name + "'");
		}
		return value.stringValue();
	}

	private static String optionalString(JsonNode node, String name, String fallback) {
		String value = nullableString(node, name);
		return (value != null) ? value : fallback;
	}

	private static long positiveLong(JsonNode node, String name, long fallback, long max) {
		long value = integer(node, name, fallback);
		if (value <= 0 || value > max) {
			throw new InvalidFrameException(typeOf(node) + " with '" + name + "' out of range (1 to " + max + ")");
		}
		return value;
	}

	private static long nonNegativeLong(JsonNode node, String name, long fallback) {
		long value = integer(node, name, fallback);
		if (value < 0) {
			throw new InvalidFrameException(typeOf(node) + " with negative '" + name + "'");
		}
		return value;
	}

	private static long integer(JsonNode node, String name, long fallback) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return fallback;
		}
		if (!value.isIntegralNumber()) {
			throw new InvalidFrameException(typeOf(node) + " with non-integer '" + name + "'");
		}
		if (!value.canConvertToLong()) {
			throw new InvalidFrameException(typeOf(node) + " with '" + name + "' beyond 64 bits");
		}
		return value.longValue();
	}

	private static @Nullable Instant instant(JsonNode node, String name) {
		String value = nullableString(node, name);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFrameException(typeOf(node) + " with invalid time '" + name + "'");
		}
	}

	private static CallState state(JsonNode node, String name) {
		CallState state = nullableState(node, name);
		if (state == null) {
			throw new InvalidFrameException(typeOf(node) + " without '" + name + "'");
		}
		return state;
	}

	private static @Nullable CallState nullableState(JsonNode node, String name) {
		String value = nullableString(node, name);
		if (value == null) {
			return null;
		}
		try {
			return CallState.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFrameException(typeOf(node) + " with unknown state '" + prefix(value) + "'");
		}
	}

	private static String typeOf(JsonNode node) {
		JsonNode type = node.get("type");
		return (type != null && type.isString()) ? prefix(type.stringValue()) : "frame";
	}

	private static ServerMessage.Invalid invalid(String description) {
		return new ServerMessage.Invalid(description);
	}

	private static String prefix(String text) {
		String oneLine = (text.length() > PREFIX_LENGTH) ? text.substring(0, PREFIX_LENGTH) + "..." : text;
		return oneLine.replaceAll("[\\r\\n\\t]", " ");
	}

	private static int utf8Length(String text) {
		if (text.length() * 3 <= MAX_TEXT_FRAME_BYTES) {
			return text.length();
		}
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	private static final class InvalidFrameException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		InvalidFrameException(String message) {
			super(message, null, false, false);
		}

	}

}
