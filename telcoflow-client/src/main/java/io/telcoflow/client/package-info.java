/**
 * The Telcoflow Java SDK: {@link io.telcoflow.client.TelcoflowClient} holds the control connection
 * and offers calls to an {@link io.telcoflow.client.IncomingCallHandler}; each
 * {@link io.telcoflow.client.ActiveCall} owns its media connection, commands and audio.
 * <p>
 * The API is this package, {@code io.telcoflow.client.audio}, {@code io.telcoflow.client.exception}
 * and {@code io.telcoflow.client.tls}. {@code io.telcoflow.client.internal} and its subpackages are
 * the implementation: not API, changed in any release, and never needed by an application.
 */
@NullMarked
package io.telcoflow.client;

import org.jspecify.annotations.NullMarked;
