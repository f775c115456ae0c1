package io.telcoflow.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Mints the identifiers of a call as the wire format describes them: a time-ordered call id and an
 * unguessable media token, both from a {@link SecureRandom} because the token authorises the media
 * connection.
 */
final class CallIds {

	private static final SecureRandom random = new SecureRandom();

	private CallIds() {
	}

	/** A UUIDv7: 48 bits of Unix milliseconds, then random bits. */
	static String newCallId() {
		byte[] bytes = randomBytes(16);
		long millis = System.currentTimeMillis();
		for (int i = 0; i < 6; i++) {
			bytes[i] = (byte) (millis >>> (40 - 8 * i));
		}
		bytes[6] = (byte) ((bytes[6] & 0x0F) | 0x70);
		bytes[8] = (byte) ((bytes[8] & 0x3F) | 0x80);
		long high = 0;
		long low = 0;
		for (int i = 0; i < 8; i++) {
			high = (high << 8) | (bytes[i] & 0xFF);
			low = (low << 8) | (bytes[8 + i] & 0xFF);
		}
		return new UUID(high, low).toString();
	}

	/** 128 random bits, in hex. */
	static String newMediaToken() {
		return HexFormat.of().formatHex(randomBytes(16));
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

}
