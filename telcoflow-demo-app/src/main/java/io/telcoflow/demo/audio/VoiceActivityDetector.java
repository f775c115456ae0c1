package io.telcoflow.demo.audio;

/**
 * Tells whether the caller is speaking, from the energy of their audio: the RMS of each 20 ms
 * frame is compared to a threshold. Speech starts after a few loud frames in a row (so that a
 * click does not count) and stops after a few quiet frames in a row (the hangover, so that the
 * short pauses between words do not count). Chunks of any length are accepted; they are cut into
 * 20 ms frames internally. Not thread-safe: one detector per call, fed by the call's audio loop.
 */
public final class VoiceActivityDetector {

	private final double threshold;

	private final int onsetFrames;

	private final int hangoverFrames;

	private final byte[] frame;

	private int filled;

	private int loudRun;

	private int quietRun;

	private boolean speaking;

	/**
	 * Creates a detector.
	 * @param sampleRate samples per second of the audio it will be fed
	 * @param threshold RMS, in sample units (0 to 32768), from which a frame counts as loud
	 * @param onsetFrames loud frames in a row after which speech starts, at least 1
	 * @param hangoverFrames quiet frames in a row after which speech stops, at least 1
	 */
	public VoiceActivityDetector(int sampleRate, double threshold, int onsetFrames, int hangoverFrames) {
		if (onsetFrames < 1 || hangoverFrames < 1) {
			throw new IllegalArgumentException("onsetFrames and hangoverFrames must be at least 1");
		}
		this.threshold = threshold;
		this.onsetFrames = onsetFrames;
		this.hangoverFrames = hangoverFrames;
		this.frame = new byte[Pcm.frameBytes(sampleRate)];
	}

	/**
	 * Feeds audio to the detector.
	 * @param pcm s16le mono PCM, any length
	 * @return whether the caller is speaking after this audio
	 */
	public boolean accept(byte[] pcm) {
		int offset = 0;
		while (offset < pcm.length) {
			int n = Math.min(pcm.length - offset, this.frame.length - this.filled);
			System.arraycopy(pcm, offset, this.frame, this.filled, n);
			this.filled += n;
			offset += n;
			if (this.filled == this.frame.length) {
				acceptFrame(Pcm.rms(this.frame, 0, this.frame.length) >= this.threshold);
				this.filled = 0;
			}
		}
		return this.speaking;
	}

	private void acceptFrame(boolean loud) {
		if (loud) {
			this.loudRun++;
			this.quietRun = 0;
			if (this.loudRun >= this.onsetFrames) {
				this.speaking = true;
			}
		}
		else {
			this.quietRun++;
			this.loudRun = 0;
			if (this.quietRun >= this.hangoverFrames) {
				this.speaking = false;
			}
		}
	}

	/**
	 * Forgets everything heard so far, for example audio that waited while the call was busy.
	 */
	public void reset() {
		this.filled = 0;
		this.loudRun = 0;
		this.quietRun = 0;
		this.speaking = false;
	}

	/**
	 * Returns whether the caller is speaking.
	 * @return the state after the last complete frame
	 */
	public boolean isSpeaking() {
		return this.speaking;
	}

}
