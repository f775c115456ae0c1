/**
 * Audio: the inbound {@link io.telcoflow.client.audio.AudioStream} of a call and the outgoing
 * buffer that the server pulls from. PCM signed 16-bit little-endian, mono.
 */
@NullMarked
package io.telcoflow.client.audio;

import org.jspecify.annotations.NullMarked;
