package io.telcoflow.simulator;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.telcoflow.simulator.websocket.WebSocketConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every open WebSocket connection, control and media, and the watchdog over them: it closes a
 * connection silent for three heartbeat intervals (4008), as the wire format asks, and drops one
 * whose peer stopped reading, which would otherwise hold the writing thread forever.
 */
final class ConnectionWatchdog {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionWatchdog.class);

	private static final long STUCK_WRITE_NANOS = TimeUnit.SECONDS.toNanos(5);

	private final Duration heartbeatInterval;

	private final Set<WebSocketConnection> connections = ConcurrentHashMap.newKeySet();

	// its own thread: it must run even when a write to a peer that stopped reading blocks the others
	private final ScheduledExecutorService watchdog = SimulatorThreads.singleDaemon("telcoflow-sim-watchdog");

	ConnectionWatchdog(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	void start() {
		long check = Math.max(20, Math.min(1000, this.heartbeatInterval.toMillis() / 4));
		this.watchdog.scheduleWithFixedDelay(this::closeSilentConnections, check, check, TimeUnit.MILLISECONDS);
	}

	void add(WebSocketConnection connection) {
		this.connections.add(connection);
	}

	void remove(WebSocketConnection connection) {
		this.connections.remove(connection);
	}

	void forEach(Consumer<WebSocketConnection> action) {
		this.connections.forEach(action);
	}

	void closeAll(int code, String reason) {
		for (WebSocketConnection connection : this.connections) {
			connection.close(code, reason);
		}
	}

	void abortAll() {
		for (WebSocketConnection connection : this.connections) {
			connection.abort();
		}
	}

	void stop() {
		this.watchdog.shutdownNow();
	}

	private void closeSilentConnections() {
		long limit = this.heartbeatInterval.toNanos() * 3;
		long now = System.nanoTime();
		for (WebSocketConnection connection : this.connections) {
			if (connection.isWriteStuck(STUCK_WRITE_NANOS)) {
				// the peer stopped reading: free the thread (maybe the audio clock) stuck in the write
				logger.warn("Dropping {}: the client has not read for {} s", connection.request().path(),
						TimeUnit.NANOSECONDS.toSeconds(STUCK_WRITE_NANOS));
				connection.abort();
			}
			else if (connection.isOpen() && now - connection.lastReceivedNanos() > limit) {
				logger.debug("Closing {}: silent for three heartbeat intervals", connection.request().path());
				connection.close(4008, "no frame for three heartbeat intervals");
			}
		}
	}

}
