/**
 * What voice applications do to audio, in plain Java: {@link io.telcoflow.audio.AudioFormat}
 * describes a stream of audio, {@link io.telcoflow.audio.AudioConverter} turns one format into
 * another as chunks arrive, and {@link io.telcoflow.audio.Reframer} cuts chunks of any size into
 * frames of one size. The jobs behind them have a package each: G.711 in
 * {@link io.telcoflow.audio.codec}, sample-rate conversion in {@link io.telcoflow.audio.resample},
 * voice activity in {@link io.telcoflow.audio.vad} and WAV files in {@link io.telcoflow.audio.wav}.
 */
@NullMarked
package io.telcoflow.audio;

import org.jspecify.annotations.NullMarked;
