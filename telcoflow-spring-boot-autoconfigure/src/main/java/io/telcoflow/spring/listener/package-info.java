/**
 * Spring integration of the Telcoflow client: discovery of
 * {@link io.telcoflow.spring.annotation.OnIncomingCall @OnIncomingCall} methods, the endpoint
 * registry, dispatch of incoming calls and the client's lifecycle.
 */
@NullMarked
package io.telcoflow.spring.listener;

import org.jspecify.annotations.NullMarked;
