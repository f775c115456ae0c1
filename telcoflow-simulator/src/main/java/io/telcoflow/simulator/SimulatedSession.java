package io.telcoflow.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.telcoflow.simulator.websocket.WebSocketConnection;
import io.telcoflow.simulator.websocket.WebSocketHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One control connection (a client session) as the simulator sees it: readiness, capacity, pause,
 * sample rate, and what the client did wrong on it.
 */
public final class SimulatedSession {

	private static final Logger logger = LoggerFactory.getLogger(SimulatedSession.class);

	/** Sample rates the simulator supports. */
	static final Set<Integer> SUPPORTED_SAMPLE_RATES = Set.of(8000, 16000, 24000, 48000);

	private final String id = UUID.randomUUID().toString();

	private final TelcoflowSimulator simulator;

	private final String mediaBaseUrl;

	private final Instant openedAt = Instant.now();

	private final Set<SimulatedCall> assignedCalls = new LinkedHashSet<>();

	private final List<String> protocolErrors = new ArrayList<>();

	private @Nullable WebSocketConnection connection;

	private volatile boolean open = true;

	private volatile boolean ready;

	private volatile boolean paused;

	private volatile int maxCalls;

	private volatile int available = -1;

	private volatile int sampleRate = 24000;

	private volatile int readyCount;

	private volatile int closeCode;

	private volatile @Nullable Instant closedAt;

	private @Nullable Instant pausedAt;

	private @Nullable Instant lastOfferedAt;

	private int offeredCalls;

	private int peakActiveCalls;

	SimulatedSession(TelcoflowSimulator simulator, String mediaBaseUrl) {
		this.simulator = simulator;
		this.mediaBaseUrl = mediaBaseUrl;
	}

	/**
	 * Returns the session id sent in {@code session.welcome}.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Returns whether the client sent {@code session.ready} (and the connection is still open).
	 * @return whether ready
	 */
	public boolean isReady() {
		return this.ready && this.open;
	}

	/**
	 * Returns the {@code max_calls} of the last {@code session.ready}.
	 * @return the limit, 0 for none
	 */
	public int maxCalls() {
		return this.maxCalls;
	}

	/**
	 * Returns how many more calls the session accepts, from its last {@code session.capacity}
	 * (decremented by each offer since).
	 * @return the number, -1 when the client never limited it
	 */
	public int available() {
		return this.available;
	}

	/**
	 * Returns whether the client sent {@code session.pause} (and no {@code session.ready} since).
	 * @return whether paused
	 */
	public boolean isPaused() {
		return this.paused;
	}

	/**
	 * Returns the sample rate of the last {@code session.ready}.
	 * @return samples per second (24000 before the first)
	 */
	public int sampleRate() {
		return this.sampleRate;
	}

	/**
	 * Returns how many {@code session.ready} messages arrived on this connection.
	 * @return the count
	 */
	public int readyCount() {
		return this.readyCount;
	}

	/**
	 * Returns whether the control connection is still open.
	 * @return whether open
	 */
	public boolean isOpen() {
		return this.open;
	}

	/**
	 * Returns when the control connection opened.
	 * @return the time
	 */
	public Instant openedAt() {
		return this.openedAt;
	}

	/**
	 * Returns when the control connection closed.
	 * @return the time, {@code null} while open
	 */
	public @Nullable Instant closedAt() {
		return this.closedAt;
	}

	/**
	 * Returns the close code of the connection (1006 when it ended without one).
	 * @return the code, 0 while open
	 */
	public int closeCode() {
		return this.closeCode;
	}

	/**
	 * Returns how many calls are assigned to this session now (offered and not over).
	 * @return the count
	 */
	public synchronized int activeCalls() {
		return this.assignedCalls.size();
	}

	/**
	 * Returns how many calls were offered to this session since it opened (re-offers of a call
	 * count once per session).
	 * @return the count
	 */
	public synchronized int offeredCalls() {
		return this.offeredCalls;
	}

	/**
	 * Returns the most calls this session had at once (offered and not over).
	 * @return the count
	 */
	public synchronized int peakActiveCalls() {
		return this.peakActiveCalls;
	}

	/**
	 * Returns when the last call was offered to this session (decided under the same lock as a
	 * pause, so it is never after {@link #pausedAt()} for a paused session).
	 * @return the time, {@code null} before the first offer
	 */
	public synchronized @Nullable Instant lastOfferedAt() {
		return this.lastOfferedAt;
	}

	/**
	 * Returns when the client paused this session ({@code session.pause}) if it is paused now.
	 * @return the time, {@code null} while not paused
	 */
	public synchronized @Nullable Instant pausedAt() {
		return this.paused ? this.pausedAt : null;
	}

	/**
	 * Returns how many WebSocket pings the client sent on this connection.
	 * @return the count
	 */
	public int pingsReceived() {
		WebSocketConnection current = this.connection;
		return (current != null) ? current.pingsReceived() : 0;
	}

	/**
	 * Returns what the client did wrong on this control connection.
	 * @return descriptions, in order
	 */
	public synchronized List<String> protocolErrors() {
		return List.copyOf(this.protocolErrors);
	}

	String mediaBaseUrl() {
		return this.mediaBaseUrl;
	}

	@Nullable WebSocketConnection connection() {
		return this.connection;
	}

	/**
	 * How many more calls the simulator offers this session now, by the protocol: none before
	 * {@code session.ready}, while paused or closed, or after {@code session.capacity} 0; otherwise
	 * the smaller of what {@code max_calls} leaves and what the last {@code session.capacity} said
	 * (less the offers since). {@link Long#MAX_VALUE} when the client set neither limit.
	 */
	synchronized long freeCapacity() {
		if (!this.open || !this.ready || this.paused || this.available == 0) {
			return 0;
		}
		long free = (this.maxCalls > 0) ? this.maxCalls - this.assignedCalls.size() : Long.MAX_VALUE;
		if (this.available > 0) {
			free = Math.min(free, this.available);
		}
		return Math.max(0, free);
	}

	boolean canTake() {
		return freeCapacity() > 0;
	}

	/**
	 * Assigns a call if the session can take it now (checked under the same lock as a pause, so
	 * that no offer is decided after the pause arrived).
	 */
	synchronized boolean tryAssign(SimulatedCall call) {
		if (freeCapacity() == 0) {
			return false;
		}
		this.assignedCalls.add(call);
		if (this.available > 0) {
			this.available--;
		}
		this.offeredCalls++;
		this.peakActiveCalls = Math.max(this.peakActiveCalls, this.assignedCalls.size());
		this.lastOfferedAt = Instant.now();
		return true;
	}

	synchronized void release(SimulatedCall call) {
		this.assignedCalls.remove(call);
	}

	boolean send(ObjectNode message) {
		WebSocketConnection current = this.connection;
		return current != null && current.sendText(WireJson.write(message));
	}

	private synchronized void protocolError(String description) {
		logger.debug("Session {}: protocol error: {}", this.id, description);
		this.protocolErrors.add(description);
	}

	WebSocketHandler handler() {
		return new Handler();
	}

	private final class Handler implements WebSocketHandler {

		@Override
		public void onOpen(WebSocketConnection connection) {
			SimulatedSession.this.connection = connection;
			SimulatedSession.this.simulator.sessionOpened(SimulatedSession.this, connection);
			ObjectNode welcome = WireJson.message("session.welcome");
			welcome.put("session_id", SimulatedSession.this.id);
			welcome.put("protocol", "telcoflow-wire/1");
			welcome.put("heartbeat_interval_ms", SimulatedSession.this.simulator.heartbeatInterval().toMillis());
			connection.sendText(WireJson.write(welcome));
		}

		@Override
		public void onText(WebSocketConnection connection, String text) {
			JsonNode message = WireJson.parse(text);
			if (message == null) {
				protocolError("malformed message: " + WireJson.describe(text));
				return;
			}
			String type = message.path("type").stringValue();
			switch (type) {
				case "session.ready" -> ready(connection, message);
				case "session.capacity" -> capacity(message);
				case "session.pause" -> pause();
				default -> protocolError("unknown message type " + type);
			}
		}

		private void ready(WebSocketConnection connection, JsonNode message) {
			int rate = message.path("sample_rate").asInt(24000);
			if (!SUPPORTED_SAMPLE_RATES.contains(rate)) {
				ObjectNode error = WireJson.message("error");
				error.put("code", "UNSUPPORTED_SAMPLE_RATE");
				error.put("message", "sample rate " + rate + " is not supported; use one of 8000, 16000, 24000, 48000");
				connection.sendText(WireJson.write(error));
				connection.close(4008, "unsupported sample rate");
				return;
			}
			int max = message.path("max_calls").asInt(0);
			synchronized (SimulatedSession.this) {
				SimulatedSession.this.sampleRate = rate;
				SimulatedSession.this.maxCalls = Math.max(0, max);
				SimulatedSession.this.available = -1;
				SimulatedSession.this.paused = false;
				SimulatedSession.this.readyCount++;
				SimulatedSession.this.ready = true;
			}
			SimulatedSession.this.simulator.dispatch();
		}

		private void pause() {
			synchronized (SimulatedSession.this) {
				if (!SimulatedSession.this.paused) {
					SimulatedSession.this.pausedAt = Instant.now();
				}
				SimulatedSession.this.paused = true;
			}
		}

		private void capacity(JsonNode message) {
			JsonNode available = message.path("available");
			if (!available.canConvertToInt() || available.asInt() < 0) {
				protocolError("session.capacity without a valid available: " + message);
				return;
			}
			synchronized (SimulatedSession.this) {
				SimulatedSession.this.available = available.asInt();
			}
			SimulatedSession.this.simulator.dispatch();
		}

		@Override
		public void onBinary(WebSocketConnection connection, byte[] data, int length) {
			protocolError("binary frame of " + length + " bytes on the control connection");
		}

		@Override
		public void onProtocolError(WebSocketConnection connection, String description) {
			protocolError(description);
		}

		@Override
		public void onClosed(WebSocketConnection connection, int code) {
			SimulatedSession.this.open = false;
			SimulatedSession.this.closeCode = code;
			SimulatedSession.this.closedAt = Instant.now();
			SimulatedSession.this.simulator.sessionClosed(SimulatedSession.this, connection);
		}

	}

	@Override
	public String toString() {
		return "SimulatedSession[id=" + this.id + ", open=" + this.open + ", ready=" + this.ready + ", paused="
				+ this.paused + ", maxCalls=" + this.maxCalls + ", available=" + this.available + ", sampleRate="
				+ this.sampleRate + "]";
	}

}
