package io.telcoflow.deployment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link EchoContinuity} counts as a break of the echo, and what it does not.
 */
class EchoContinuityTests {

	private final EchoContinuity.Track track = new EchoContinuity.Track();

	@Test
	void echoOneFrameBehindHasNoBreak() {
		for (int frame = 1; frame <= 100; frame++) {
			tick(frame);
			if (frame > 1) {
				echo(frame - 1);
			}
		}
		assertThat(this.track.interruption()).isZero();
		assertThat(this.track.longestDelay).isEqualTo(1);
	}

	@Test
	void echoThatStallsAndCatchesUpInOrderIsLateButNotBroken() {
		for (int frame = 1; frame <= 50; frame++) {
			tick(frame);
			echo(frame);
		}
		for (int frame = 51; frame <= 60; frame++) {
			tick(frame);
		}
		for (int frame = 51; frame <= 60; frame++) {
			echo(frame);
		}
		assertThat(this.track.interruption()).isZero();
		assertThat(this.track.longestArrivalGap).isEqualTo(9);
		assertThat(this.track.longestDelay).isEqualTo(9);
	}

	@Test
	void missingFramesAreABreak() {
		for (int frame = 1; frame <= 50; frame++) {
			tick(frame);
			if (frame <= 20 || frame > 26) {
				echo(frame);
			}
		}
		assertThat(this.track.longestBreak).isEqualTo(6);
		assertThat(this.track.interruption()).isGreaterThan(5);
	}

	@Test
	void silenceBetweenEchoedFramesIsABreak() {
		for (int frame = 1; frame <= 30; frame++) {
			tick(frame);
			if (frame == 10) {
				for (int i = 0; i < 6; i++) {
					this.track.echoed(new byte[0], 0);
				}
			}
			echo(frame);
		}
		assertThat(this.track.longestBreak).isEqualTo(6);
	}

	@Test
	void pullsNeverAnsweredCountAgainstTheEcho() {
		for (int frame = 1; frame <= 30; frame++) {
			tick(frame);
			if (frame % 4 != 0) {
				echo(frame);
			}
		}
		// frames 4, 8, ... are missing (breaks of 1) and 7 pulls were never answered
		assertThat(this.track.longestBreak).isEqualTo(1);
		assertThat(this.track.unanswered()).isEqualTo(5);
		assertThat(this.track.interruption()).isEqualTo(6);
	}

	@Test
	void frameEchoedTwiceIsDisordered() {
		tick(1);
		echo(1);
		tick(2);
		echo(1);
		assertThat(this.track.disordered).isEqualTo(1);
	}

	private void tick(int frame) {
		this.track.sent = frame;
	}

	private void echo(int frame) {
		byte[] data = new byte[960];
		data[0] = 0x5A;
		data[1] = 0x5A;
		data[2] = (byte) frame;
		data[3] = (byte) (frame >>> 8);
		this.track.echoed(data, data.length);
	}

}
