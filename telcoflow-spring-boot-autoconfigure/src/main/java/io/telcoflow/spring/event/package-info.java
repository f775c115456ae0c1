/**
 * Spring {@link org.springframework.context.ApplicationEvent ApplicationEvents} for what the
 * Telcoflow client reports: one {@link io.telcoflow.spring.event.TelcoflowErrorEvent} subclass per
 * SDK exception type and for handler failures, and lifecycle events for the connection and for
 * calls. Listen with {@code @EventListener}; events are delivered on the
 * {@link io.telcoflow.spring.event.TelcoflowEventPublisher}'s own thread, never on a socket thread.
 */
@NullMarked
package io.telcoflow.spring.event;

import org.jspecify.annotations.NullMarked;
