package io.telcoflow.audio.codec;

/**
 * G.711 μ-law and A-law, bit-exact with the ITU-T G.191 reference software ({@code g711.c},
 * functions {@code ulaw_compress}, {@code ulaw_expand}, {@code alaw_compress},
 * {@code alaw_expand}) for every one of the 65,536 sample values and 256 codes.
 * <p>
 * Implementations disagree at the quantiser's decision boundaries. G.191 takes the one's
 * complement of negative samples before quantising; the widespread Sun {@code g711.c}
 * ({@code linear2ulaw}, used by SoX and Python's {@code audioop}) negates them instead, so it
 * encodes some negative samples one step apart from G.191. Decoding agrees everywhere. The JDK's
 * {@code javax.sound.sampled} μ-law encoder differs at the boundaries too, and wraps samples of
 * magnitude 32,636 and more around to the wrong end of the scale (32,767 becomes code 0xFF,
 * silence); here they saturate. See docs/audio.md for the counts.
 * <p>
 * Linear samples are signed 16-bit; PCM byte arrays are little-endian. Thread-safe: the tables
 * are built once.
 */
public final class G711 {

	private static final byte[] LINEAR_TO_MULAW = new byte[65536];

	private static final byte[] LINEAR_TO_ALAW = new byte[65536];

	private static final short[] MULAW_TO_LINEAR = new short[256];

	private static final short[] ALAW_TO_LINEAR = new short[256];

	static {
		for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
			LINEAR_TO_MULAW[sample & 0xFFFF] = (byte) compressMuLaw(sample);
			LINEAR_TO_ALAW[sample & 0xFFFF] = (byte) compressALaw(sample);
		}
		for (int code = 0; code < 256; code++) {
			MULAW_TO_LINEAR[code] = (short) expandMuLaw(code);
			ALAW_TO_LINEAR[code] = (short) expandALaw(code);
		}
	}

	private G711() {
	}

	/**
	 * Encodes one sample to μ-law.
	 * @param sample the linear sample
	 * @return the μ-law code
	 */
	public static byte linearToMuLaw(short sample) {
		return LINEAR_TO_MULAW[sample & 0xFFFF];
	}

	/**
	 * Decodes one μ-law code.
	 * @param code the code
	 * @return the linear sample (at most ±32124)
	 */
	public static short muLawToLinear(byte code) {
		return MULAW_TO_LINEAR[code & 0xFF];
	}

	/**
	 * Encodes one sample to A-law.
	 * @param sample the linear sample
	 * @return the A-law code
	 */
	public static byte linearToALaw(short sample) {
		return LINEAR_TO_ALAW[sample & 0xFFFF];
	}

	/**
	 * Decodes one A-law code.
	 * @param code the code
	 * @return the linear sample (at most ±32256)
	 */
	public static short aLawToLinear(byte code) {
		return ALAW_TO_LINEAR[code & 0xFF];
	}

	/**
	 * Encodes s16le PCM to μ-law.
	 * @param pcm the audio, an even number of bytes
	 * @return one code per sample
	 * @throws IllegalArgumentException when the length is odd
	 */
	public static byte[] encodeMuLaw(byte[] pcm) {
		return encode(pcm, LINEAR_TO_MULAW);
	}

	/**
	 * Encodes s16le PCM to A-law.
	 * @param pcm the audio, an even number of bytes
	 * @return one code per sample
	 * @throws IllegalArgumentException when the length is odd
	 */
	public static byte[] encodeALaw(byte[] pcm) {
		return encode(pcm, LINEAR_TO_ALAW);
	}

	/**
	 * Decodes μ-law to s16le PCM.
	 * @param codes the codes
	 * @return two bytes per code
	 */
	public static byte[] decodeMuLaw(byte[] codes) {
		return decode(codes, MULAW_TO_LINEAR);
	}

	/**
	 * Decodes A-law to s16le PCM.
	 * @param codes the codes
	 * @return two bytes per code
	 */
	public static byte[] decodeALaw(byte[] codes) {
		return decode(codes, ALAW_TO_LINEAR);
	}

	private static byte[] encode(byte[] pcm, byte[] table) {
		if ((pcm.length & 1) != 0) {
			throw new IllegalArgumentException("16-bit PCM must have an even number of bytes, got " + pcm.length);
		}
		byte[] codes = new byte[pcm.length / 2];
		for (int i = 0; i < codes.length; i++) {
			codes[i] = table[(pcm[2 * i] & 0xFF) | ((pcm[2 * i + 1] & 0xFF) << 8)];
		}
		return codes;
	}

	private static byte[] decode(byte[] codes, short[] table) {
		byte[] pcm = new byte[codes.length * 2];
		for (int i = 0; i < codes.length; i++) {
			short sample = table[codes[i] & 0xFF];
			pcm[2 * i] = (byte) sample;
			pcm[2 * i + 1] = (byte) (sample >> 8);
		}
		return pcm;
	}

	// G.191 quantises the one's complement of a negative sample (~x, i.e. -x - 1) and keeps
	// the 14 (μ-law) or 13 (A-law) most significant bits; the segment is the bit length of the
	// biased magnitude.

	private static int compressMuLaw(int sample) {
		int magnitude = Math.min(((sample < 0) ? ~sample : sample) >> 2, 0x1FFF - 33) + 33;
		int segment = 33 - Integer.numberOfLeadingZeros(magnitude >> 6);
		int code = ((8 - segment) << 4) | (15 - ((magnitude >> segment) & 15));
		return (sample >= 0) ? code | 0x80 : code;
	}

	private static int expandMuLaw(int code) {
		int complement = ~code;
		int exponent = (complement >> 4) & 7;
		int mantissa = complement & 15;
		int step = 4 << (exponent + 1);
		int magnitude = (0x80 << exponent) + step * mantissa + step / 2 - 4 * 33;
		return (code < 0x80) ? -magnitude : magnitude;
	}

	private static int compressALaw(int sample) {
		int magnitude = ((sample < 0) ? ~sample : sample) >> 4;
		int code;
		if (magnitude <= 15) {
			code = magnitude;
		}
		else {
			int exponent = (32 - Integer.numberOfLeadingZeros(magnitude)) - 4;
			code = (exponent << 4) | ((magnitude >> (exponent - 1)) & 15);
		}
		if (sample >= 0) {
			code |= 0x80;
		}
		return code ^ 0x55;
	}

	private static int expandALaw(int code) {
		int toggled = (code ^ 0x55) & 0x7F;
		int exponent = toggled >> 4;
		int mantissa = toggled & 15;
		if (exponent > 0) {
			mantissa += 16;
		}
		mantissa = (mantissa << 4) + 8;
		if (exponent > 1) {
			mantissa <<= exponent - 1;
		}
		return (code > 127) ? mantissa : -mantissa;
	}

}
