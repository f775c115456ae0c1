package io.telcoflow.voiceagent.internal;

import java.time.Duration;

import io.micrometer.observation.Observation;
import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.Reframer;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * One agent utterance in progress: the greeting, or the reply of a turn (with the caller's utterance
 * it answers and the turn's timings). Guarded by its conversation's lock, except the converter and
 * reframer, which only the sending thread touches.
 */
final class Reply {

	/** The turn's number, 0 for the greeting. */
	final int turn;

	/** The caller's utterance (PCM at the call's rate); empty for the greeting. */
	final byte[] utterance;

	final long speechEndNanos;

	final Duration endOfUtterance;

	final PlaybackLedger ledger;

	final @Nullable Observation observation;

	volatile @Nullable Disposable subscription;

	@Nullable String userText;

	/** The offset of the reply's first byte sent, -1 before. */
	long firstAudioOffset = -1;

	long transcriptionStartNanos;

	long transcriptionEndNanos;

	long chatStartNanos;

	long firstTokenNanos;

	long speechStartNanos;

	long firstSpeechNanos;

	long firstPlayedNanos;

	boolean cancelled;

	boolean finished;

	boolean sendingDone;

	boolean failed;

	/** A goodbye or a transfer is playing: the caller cannot interrupt it, the call ends after it. */
	boolean closing;

	boolean hangUp;

	boolean transferred;

	@Nullable AudioConverter converter;

	@Nullable Reframer reframer;

	Reply(int turn, byte[] utterance, long speechEndNanos, Duration endOfUtterance, int bytesPerSecond,
			@Nullable Observation observation) {
		this.turn = turn;
		this.utterance = utterance;
		this.speechEndNanos = speechEndNanos;
		this.endOfUtterance = endOfUtterance;
		this.ledger = new PlaybackLedger(bytesPerSecond);
		this.observation = observation;
	}

	boolean isAudible() {
		return this.firstAudioOffset >= 0;
	}

	void dispose() {
		Disposable subscription = this.subscription;
		if (subscription != null) {
			subscription.dispose();
		}
	}

	static @Nullable Duration between(long from, long to) {
		return (from != 0 && to != 0 && to >= from) ? Duration.ofNanos(to - from) : null;
	}

}
