package io.telcoflow.client.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates random server frames from a seed, so that a failure can be replayed: garbage text,
 * random JSON, valid-looking messages of every type with members of random kinds, truncated and
 * mutated messages, deeply nested and oversized frames, and binary frames of any length.
 */
final class RandomFrames {

	static final List<String> TYPES = List.of("session.welcome", "call.incoming", "call.ended", "session.draining",
			"error", "media.started", "command.result", "call.state", "call.dtmf", "call.terminated", "audio.pull",
			"session.ready", "no.such.type", "", "AUDIO.PULL");

	private static final List<String> MEMBERS = List.of("call_id", "caller_number", "callee_number", "media_url",
			"media_token", "offered_at", "reason", "reconnect_after_ms", "code", "message", "state", "previous",
			"sample_rate", "frame_ms", "id", "ok", "error_code", "error_message", "digit", "duration_ms", "bytes",
			"session_id", "protocol", "heartbeat_interval_ms", "type");

	private static final List<String> WORDS = List.of("PENDING", "ANSWERED", "CONNECTED", "DISCONNECTED", "answered",
			"caller_hangup", "media_timeout", "c-1", "c-999", "5", "#", "AB", "2026-11-29T10:00:00Z", "not-a-time",
			"/v1/calls/x/media", "ws://127.0.0.1:1/v1/calls/x/media", "telcoflow-wire/1", "CALL_UNANSWERED", "\u0000",
			"\ud83d\udcde", "\ud800", "null");

	private final Random random;

	RandomFrames(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * Returns a random text frame.
	 * @param excludedTypes types never generated as a valid-looking message
	 * @return the frame
	 */
	String text(List<String> excludedTypes) {
		return switch (this.random.nextInt(10)) {
			case 0 -> garbage(this.random.nextInt(200));
			case 1 -> json(4);
			case 2 -> truncated(message(excludedTypes));
			case 3 -> mutated(message(excludedTypes));
			case 4 -> "[".repeat(500 + this.random.nextInt(3000)) + "]".repeat(this.random.nextInt(10));
			case 5 -> "{\"type\":\"error\",\"message\":\"" + "x".repeat(60_000 + this.random.nextInt(10_000)) + "\"}";
			default -> message(excludedTypes);
		};
	}

	/**
	 * Returns a random binary frame: empty, odd or even, small or large.
	 * @return the bytes
	 */
	byte[] binary() {
		int length = switch (this.random.nextInt(5)) {
			case 0 -> 0;
			case 1 -> 1 + 2 * this.random.nextInt(500);
			case 2 -> 960;
			case 3 -> 2 * this.random.nextInt(40_000);
			default -> this.random.nextInt(2000);
		};
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	/**
	 * Returns a JSON object with a known (or unknown) type and random members.
	 * @param excludedTypes types not to generate
	 * @return the frame
	 */
	String message(List<String> excludedTypes) {
		String type;
		do {
			type = pick(TYPES);
		}
		while (excludedTypes.contains(type));
		StringBuilder json = new StringBuilder("{\"type\":").append(quote(type));
		int members = this.random.nextInt(8);
		for (int i = 0; i < members; i++) {
			String member = pick(MEMBERS);
			if (member.equals("type") && this.random.nextBoolean()) {
				continue;
			}
			json.append(',').append(quote(member)).append(':').append(value(2));
		}
		return json.append('}').toString();
	}

	private String value(int depth) {
		return switch (this.random.nextInt((depth > 0) ? 12 : 10)) {
			case 0 -> "null";
			case 1 -> Boolean.toString(this.random.nextBoolean());
			case 2 -> Integer.toString(this.random.nextInt(2000) - 100);
			case 3 -> pick(List.of("0", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
					"9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "1e400", "-0",
					"0.5", "1E3", "960"));
			case 4 -> Double.toString(this.random.nextDouble() * 1e6);
			case 5, 6, 7 -> quote(pick(WORDS));
			case 8 -> quote(garbage(this.random.nextInt(30)));
			case 9 -> quote("x".repeat(this.random.nextInt(5000)));
			case 10 -> "[" + value(depth - 1) + "," + value(depth - 1) + "]";
			default -> "{\"a\":" + value(depth - 1) + "}";
		};
	}

	private String json(int depth) {
		return (this.random.nextBoolean()) ? value(depth) : "{" + quote(garbage(5)) + ":" + value(depth) + "}";
	}

	private String truncated(String message) {
		return message.substring(0, this.random.nextInt(message.length() + 1));
	}

	private String mutated(String message) {
		char[] chars = message.toCharArray();
		int flips = 1 + this.random.nextInt(4);
		for (int i = 0; i < flips && chars.length > 0; i++) {
			chars[this.random.nextInt(chars.length)] = (char) this.random.nextInt(128);
		}
		return new String(chars);
	}

	private String garbage(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) switch (this.random.nextInt(4)) {
				case 0 -> this.random.nextInt(32);
				case 1 -> 0xD800 + this.random.nextInt(0x800);
				case 2 -> this.random.nextInt(0x10000);
				default -> 32 + this.random.nextInt(95);
			});
		}
		return text.toString();
	}

	private String pick(List<String> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static String quote(String value) {
		StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
