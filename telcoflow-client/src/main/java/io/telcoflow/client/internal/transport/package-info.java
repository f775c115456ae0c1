/**
 * WebSocket connections: opening them (authentication headers, TLS), a single writer per
 * connection, heartbeat pings and dead-connection detection, and classification of connect
 * failures. The only code that knows the WebSocket stack (Reactor Netty's WebSocket client, on a
 * few shared event-loop threads), so that another one can replace it. Not API.
 */
@NullMarked
package io.telcoflow.client.internal.transport;

import org.jspecify.annotations.NullMarked;
