package io.telcoflow.audio.codec;

import io.telcoflow.audio.Signals;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every sample value and every code against the ITU-T G.191 reference ({@code g711.c}), whose
 * four functions are transcribed below as they are written there (loops, shifts and all), so
 * that the tables under test, computed differently, are checked against the reference's own
 * steps.
 */
class G711Tests {

	@Test
	void muLawEncodingMatchesTheReferenceForEverySample() {
		for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
			assertThat(G711.linearToMuLaw((short) sample) & 0xFF).as("sample %d", sample)
				.isEqualTo(Reference.ulawCompress((short) sample));
		}
	}

	@Test
	void aLawEncodingMatchesTheReferenceForEverySample() {
		for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
			assertThat(G711.linearToALaw((short) sample) & 0xFF).as("sample %d", sample)
				.isEqualTo(Reference.alawCompress((short) sample));
		}
	}

	@Test
	void decodingMatchesTheReferenceForEveryCode() {
		for (int code = 0; code < 256; code++) {
			assertThat(G711.muLawToLinear((byte) code)).as("μ-law code %d", code).isEqualTo(Reference.ulawExpand(code));
			assertThat(G711.aLawToLinear((byte) code)).as("A-law code %d", code).isEqualTo(Reference.alawExpand(code));
		}
	}

	@Test
	void wellKnownCodes() {
		assertThat(G711.linearToMuLaw((short) 0)).isEqualTo((byte) 0xFF);
		assertThat(G711.linearToMuLaw((short) -1)).isEqualTo((byte) 0x7F);
		assertThat(G711.linearToMuLaw(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
		assertThat(G711.linearToMuLaw(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
		assertThat(G711.linearToALaw((short) 0)).isEqualTo((byte) 0xD5);
		assertThat(G711.linearToALaw((short) -1)).isEqualTo((byte) 0x55);
		assertThat(G711.muLawToLinear((byte) 0x80)).isEqualTo((short) 32124);
		assertThat(G711.aLawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
	}

	@Test
	void decodingThenEncodingGivesTheSameCode() {
		for (int code = 0; code < 256; code++) {
			assertThat(G711.linearToMuLaw(G711.muLawToLinear((byte) code)) & 0xFF).as("μ-law %d", code)
				.isEqualTo((code == 0x7F) ? 0xFF : code);
			assertThat(G711.linearToALaw(G711.aLawToLinear((byte) code)) & 0xFF).as("A-law %d", code).isEqualTo(code);
		}
	}

	@Test
	void arraysConvertSampleBySample() {
		short[] samples = { 0, 1, -1, 1000, -1000, 32767, -32768 };
		byte[] codes = G711.encodeMuLaw(Signals.toBytes(samples));
		assertThat(codes).hasSize(samples.length);
		for (int i = 0; i < samples.length; i++) {
			assertThat(codes[i]).isEqualTo(G711.linearToMuLaw(samples[i]));
		}
		short[] decoded = Signals.toSamples(G711.decodeALaw(G711.encodeALaw(Signals.toBytes(samples))));
		for (int i = 0; i < samples.length; i++) {
			assertThat(decoded[i]).isEqualTo(G711.aLawToLinear(G711.linearToALaw(samples[i])));
		}
	}

	@Test
	void oddPcmLengthIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> G711.encodeALaw(new byte[3]))
			.withMessageContaining("even number of bytes");
	}

	/**
	 * ITU-T G.191 {@code g711.c}, transcribed to Java one sample at a time; {@code short}
	 * arithmetic as in C.
	 */
	static final class Reference {

		static int alawCompress(short linear) {
			short ix = (short) ((linear < 0) ? (~linear) >> 4 : linear >> 4);
			if (ix > 15) {
				short iexp = 1;
				while (ix > 16 + 15) {
					ix >>= 1;
					iexp++;
				}
				ix -= 16;
				ix += (short) (iexp << 4);
			}
			if (linear >= 0) {
				ix |= 0x0080;
			}
			return (ix ^ 0x0055) & 0xFF;
		}

		static short alawExpand(int log) {
			short ix = (short) (log ^ 0x0055);
			ix &= 0x007F;
			short iexp = (short) (ix >> 4);
			short mant = (short) (ix & 0x000F);
			if (iexp > 0) {
				mant = (short) (mant + 16);
			}
			mant = (short) ((mant << 4) + 0x0008);
			if (iexp > 1) {
				mant = (short) (mant << (iexp - 1));
			}
			return (log > 127) ? mant : (short) -mant;
		}

		static int ulawCompress(short linear) {
			short absno = (short) ((linear < 0) ? ((~linear) >> 2) + 33 : (linear >> 2) + 33);
			if (absno > 0x1FFF) {
				absno = 0x1FFF;
			}
			short i = (short) (absno >> 6);
			short segno = 1;
			while (i != 0) {
				segno++;
				i >>= 1;
			}
			short highNibble = (short) (0x0008 - segno);
			short lowNibble = (short) ((absno >> segno) & 0x000F);
			lowNibble = (short) (0x000F - lowNibble);
			int log = (highNibble << 4) | lowNibble;
			if (linear >= 0) {
				log |= 0x0080;
			}
			return log & 0xFF;
		}

		static short ulawExpand(int log) {
			short sign = (short) ((log < 0x0080) ? -1 : 1);
			short mantissa = (short) ~log;
			short exponent = (short) ((mantissa >> 4) & 0x0007);
			short segment = (short) (exponent + 1);
			mantissa = (short) (mantissa & 0x000F);
			short step = (short) (4 << segment);
			return (short) (sign * ((0x0080 << exponent) + step * mantissa + step / 2 - 4 * 33));
		}

	}

}
