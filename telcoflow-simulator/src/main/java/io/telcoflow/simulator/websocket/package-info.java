/**
 * A small RFC 6455 WebSocket server over plain sockets, written for the simulator so that faults
 * (abrupt drops, refused upgrades, odd frames) stay under its full control. Internal: not API.
 */
@NullMarked
package io.telcoflow.simulator.websocket;

import org.jspecify.annotations.NullMarked;
