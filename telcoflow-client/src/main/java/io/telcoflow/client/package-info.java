/**
 * The Telcoflow Java SDK: {@link io.telcoflow.client.TelcoflowClient} holds the control connection
 * and offers calls to an {@link io.telcoflow.client.IncomingCallHandler}; each
 * {@link io.telcoflow.client.ActiveCall} owns its media connection, commands and audio.
 */
@NullMarked
package io.telcoflow.client;

import org.jspecify.annotations.NullMarked;
