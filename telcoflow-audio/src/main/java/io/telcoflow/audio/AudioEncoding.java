package io.telcoflow.audio;

/**
 * How samples are stored in bytes. Every encoding is mono; PCM is the call's own encoding.
 */
public enum AudioEncoding {

	/** Signed 16-bit little-endian linear PCM ("s16le"), two bytes per sample. */
	PCM_S16LE(2),

	/** G.711 μ-law, one byte per sample (North American and Japanese telephony). */
	MULAW(1),

	/** G.711 A-law, one byte per sample (European telephony). */
	ALAW(1);

	private final int bytesPerSample;

	AudioEncoding(int bytesPerSample) {
		this.bytesPerSample = bytesPerSample;
	}

	/**
	 * Returns the size of one sample.
	 * @return bytes per sample
	 */
	public int bytesPerSample() {
		return this.bytesPerSample;
	}

}
