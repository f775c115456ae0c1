/**
 * WAV files of mono PCM, μ-law or A-law audio: {@link io.telcoflow.audio.wav.WavReader} and
 * {@link io.telcoflow.audio.wav.WavWriter}.
 */
@NullMarked
package io.telcoflow.audio.wav;

import org.jspecify.annotations.NullMarked;
