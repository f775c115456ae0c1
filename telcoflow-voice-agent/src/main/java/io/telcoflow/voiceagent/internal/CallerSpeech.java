package io.telcoflow.voiceagent.internal;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.vad.EnergyVoiceActivityDetector;
import io.telcoflow.audio.vad.VoiceActivityDetector;
import io.telcoflow.audio.vad.VoiceActivityEvent;

/**
 * The caller's side of a conversation: feeds the caller's audio to the voice activity detector and
 * collects each utterance, every byte of it from a little before the speech (at least the detector's
 * prefix padding) to the end of speech. A second
 * detector, an energy detector whose minimum speech is the barge-in minimum, tells when the caller
 * has spoken that long without a pause: the turn detector alone cannot, since it reports the end of
 * speech only a minimum silence later. Called on the media connection's reader thread only; not
 * thread-safe.
 */
final class CallerSpeech {

	/** A pause this long ends a barge-in candidate's speech. */
	static final Duration BARGE_IN_SILENCE = Duration.ofMillis(200);

	/**
	 * The caller's latest audio kept for the beginning of an utterance: more than a detector's
	 * lead-in (500 ms by default) and minimum speech and a chunk.
	 */
	static final Duration RECENT = Duration.ofSeconds(1);

	private final AudioFormat format;

	private final VoiceActivityDetector detector;

	private final VoiceActivityDetector bargeInDetector;

	private final int maxUtteranceBytes;

	private final Listener listener;

	private final ByteArrayOutputStream utterance = new ByteArrayOutputStream();

	// A ring written once per chunk, so that keeping the caller's latest second costs no garbage (chunks
	// kept for a second would outlive young collections).
	private final byte[] recent;

	private long fedBytes;

	private boolean speaking;

	private Duration speechStart = Duration.ZERO;

	CallerSpeech(AudioFormat format, VoiceActivityDetector detector, Duration bargeInMinDuration, Duration maxUtterance,
			Listener listener) {
		this.format = format;
		this.detector = detector;
		this.bargeInDetector = EnergyVoiceActivityDetector.builder(format.sampleRate())
			.minSpeech(bargeInMinDuration)
			.minSilence(BARGE_IN_SILENCE)
			.build();
		this.maxUtteranceBytes = format.bytes(maxUtterance);
		this.recent = new byte[format.bytes(RECENT)];
		this.listener = listener;
	}

	/** Feeds a chunk of the caller's audio. */
	void feed(byte[] pcm) {
		boolean wasSpeaking = this.speaking;
		this.fedBytes += pcm.length;
		remember(pcm);
		if (wasSpeaking) {
			this.utterance.writeBytes(pcm);
		}
		for (VoiceActivityEvent event : this.detector.process(pcm)) {
			if (event.type() == VoiceActivityEvent.Type.SPEECH_STARTED) {
				this.speaking = true;
				this.speechStart = event.time();
				this.utterance.reset();
				// The detector's audio ends where it decided, often inside this chunk: take the caller's
				// audio from as long before the speech as that audio lasts through the end of this chunk.
				writeRecentFrom(this.format.bytes(event.time()) - (long) event.audio().length);
			}
			else if (this.speaking) {
				this.speaking = false;
				Duration now = clock();
				Duration endOfUtterance = now.minus(event.time());
				finish(event.time().minus(this.speechStart), endOfUtterance.isNegative() ? Duration.ZERO : endOfUtterance);
			}
		}
		for (VoiceActivityEvent event : this.bargeInDetector.process(pcm)) {
			if (event.type() == VoiceActivityEvent.Type.SPEECH_STARTED) {
				this.listener.spokeLong();
			}
		}
		if (this.speaking && this.utterance.size() >= this.maxUtteranceBytes) {
			// The caller speaks on: answer what was said, and start afresh.
			this.speaking = false;
			this.detector.reset();
			this.fedBytes = 0;
			finish(this.format.duration(this.utterance.size()), Duration.ZERO);
		}
	}

	/** Copies a chunk, just counted in {@code fedBytes}, into the ring. */
	private void remember(byte[] pcm) {
		int length = Math.min(pcm.length, this.recent.length);
		long start = this.fedBytes - length;
		for (int copied = 0; copied < length;) {
			int at = (int) ((start + copied) % this.recent.length);
			int n = Math.min(length - copied, this.recent.length - at);
			System.arraycopy(pcm, pcm.length - length + copied, this.recent, at, n);
			copied += n;
		}
	}

	/** Writes the caller's recent audio from an offset (in bytes since the detector's start) to now. */
	private void writeRecentFrom(long from) {
		long start = Math.max(Math.max(0, from), this.fedBytes - this.recent.length);
		while (start < this.fedBytes) {
			int at = (int) (start % this.recent.length);
			int n = (int) Math.min(this.fedBytes - start, this.recent.length - at);
			this.utterance.write(this.recent, at, n);
			start += n;
		}
	}

	boolean isSpeaking() {
		return this.speaking;
	}

	private void finish(Duration speech, Duration endOfUtterance) {
		byte[] audio = this.utterance.toByteArray();
		this.utterance.reset();
		this.listener.utterance(audio, speech, endOfUtterance);
	}

	private Duration clock() {
		return this.format.duration(this.fedBytes);
	}

	/** Told of the caller's speech. */
	interface Listener {

		/**
		 * The caller has spoken for the barge-in minimum without a pause.
		 */
		void spokeLong();

		/**
		 * The caller finished an utterance.
		 * @param audio the utterance
		 * @param speech how long the caller spoke
		 * @param endOfUtterance how long ago the speech ended (the silence waited for)
		 */
		void utterance(byte[] audio, Duration speech, Duration endOfUtterance);

	}

}
