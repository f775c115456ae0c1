/**
 * The client's implementation; not API. Its subpackages hold the wire format ({@code protocol}),
 * the WebSocket stack ({@code transport}) and the audio buffers ({@code audio}); their types are
 * public only for this package and the project's benchmarks. {@link
 * io.telcoflow.client.internal.DefaultTelcoflowClientBuilder} is public only because
 * {@code TelcoflowClient.builder(config)} reaches it from another package.
 */
@NullMarked
package io.telcoflow.client.internal;

import org.jspecify.annotations.NullMarked;
