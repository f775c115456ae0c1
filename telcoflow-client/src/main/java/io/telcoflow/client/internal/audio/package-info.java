/**
 * The buffers behind a call's audio: the inbound queue that backs its
 * {@link io.telcoflow.client.audio.AudioStream} and the outgoing buffer that the server pulls
 * from. Public only for the client's other internal packages and the benchmarks; not API.
 */
@NullMarked
package io.telcoflow.client.internal.audio;

import org.jspecify.annotations.NullMarked;
