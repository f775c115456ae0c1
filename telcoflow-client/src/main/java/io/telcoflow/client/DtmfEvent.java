package io.telcoflow.client;

import java.time.Duration;

/**
 * A key the caller pressed.
 *
 * @param digit the key: {@code 0-9}, {@code *}, {@code #} or {@code A-D}
 * @param duration how long the key was held
 */
public record DtmfEvent(char digit, Duration duration) {
}
