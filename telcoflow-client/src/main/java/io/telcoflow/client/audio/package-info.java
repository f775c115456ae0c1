/**
 * Audio: the inbound {@link io.telcoflow.client.audio.AudioStream} of a call, the
 * {@link io.telcoflow.client.audio.AudioListener} that takes it on the reader thread instead, and
 * the {@link io.telcoflow.client.audio.AudioSender} for audio in another format. PCM signed 16-bit
 * little-endian, mono. API.
 */
@NullMarked
package io.telcoflow.client.audio;

import org.jspecify.annotations.NullMarked;
