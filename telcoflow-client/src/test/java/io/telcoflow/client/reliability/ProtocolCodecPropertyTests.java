package io.telcoflow.client.reliability;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.telcoflow.client.internal.protocol.ProtocolCodec;
import io.telcoflow.client.internal.protocol.ServerMessage;
import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Property tests of {@link ProtocolCodec#decode}: whatever text the server sends, decoding
 * returns a message (an {@link ServerMessage.Invalid} for anything wrong) and never throws, and a
 * description of a bad frame never repeats more than a short prefix of it. Each repetition uses a
 * new seed, printed on failure, so that a failure can be replayed with {@link RandomFrames}.
 */
class ProtocolCodecPropertyTests {

	private static final int FRAMES_PER_SEED = 500;

	private final ProtocolCodec codec = new ProtocolCodec();

	@RepeatedTest(8)
	void decodingAnyTextFrameNeverThrows() {
		long seed = ThreadLocalRandom.current().nextLong();
		RandomFrames frames = new RandomFrames(seed);
		for (int i = 0; i < FRAMES_PER_SEED; i++) {
			String frame = frames.text(List.of());
			assertThatNoException().as("seed %d, frame %d: %s", seed, i, abbreviate(frame)).isThrownBy(() -> {
				ServerMessage message = this.codec.decode(frame);
				assertThat(message).isNotNull();
				if (message instanceof ServerMessage.Invalid invalid) {
					assertThat(invalid.description()).hasSizeLessThan(300);
				}
			});
		}
	}

	@RepeatedTest(4)
	void decodedValuesAreWithinTheirDocumentedRanges() {
		long seed = ThreadLocalRandom.current().nextLong();
		RandomFrames frames = new RandomFrames(seed);
		for (int i = 0; i < FRAMES_PER_SEED; i++) {
			String frame = frames.message(List.of());
			ServerMessage message = this.codec.decode(frame);
			String context = "seed " + seed + ": " + abbreviate(frame);
			if (message instanceof ServerMessage.AudioPull pull) {
				assertThat(pull.bytes()).as(context).isPositive();
			}
			else if (message instanceof ServerMessage.Welcome welcome) {
				assertThat(welcome.heartbeatIntervalMs()).as(context).isPositive();
			}
			else if (message instanceof ServerMessage.Draining draining) {
				assertThat(draining.reconnectAfterMs()).as(context).isNotNegative();
			}
			else if (message instanceof ServerMessage.MediaStarted started) {
				assertThat(started.sampleRate()).as(context).isPositive();
				assertThat(started.frameMs()).as(context).isPositive();
			}
		}
	}

	private static String abbreviate(String frame) {
		return (frame.length() > 120) ? frame.substring(0, 120) + "... (" + frame.length() + " chars)" : frame;
	}

}
