/**
 * Streaming sample-rate conversion of 16-bit PCM ({@link io.telcoflow.audio.resample.Resampler}):
 * a windowed-sinc polyphase filter whose state is carried from chunk to chunk.
 */
@NullMarked
package io.telcoflow.audio.resample;

import org.jspecify.annotations.NullMarked;
