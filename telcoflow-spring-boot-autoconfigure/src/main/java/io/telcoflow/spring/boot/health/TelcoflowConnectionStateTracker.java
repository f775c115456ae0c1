package io.telcoflow.spring.boot.health;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClientListener;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TelcoflowClientListener} that remembers when the control connection entered its
 * current state and since when it has been unavailable (neither {@code READY} nor {@code PAUSED}),
 * for the {@link TelcoflowHealthIndicator}.
 */
public class TelcoflowConnectionStateTracker implements TelcoflowClientListener {

	private static final Set<ConnectionState> AVAILABLE = EnumSet.of(ConnectionState.READY, ConnectionState.PAUSED);

	private final Clock clock;

	private volatile Snapshot snapshot;

	/**
	 * Creates a tracker that starts in {@link ConnectionState#NEW}, unavailable from now.
	 * @param clock the clock that dates the changes
	 */
	public TelcoflowConnectionStateTracker(Clock clock) {
		this.clock = clock;
		Instant now = clock.instant();
		this.snapshot = new Snapshot(ConnectionState.NEW, now, now);
	}

	@Override
	public void onConnectionStateChanged(ConnectionState previous, ConnectionState current) {
		update(current);
	}

	/**
	 * Returns what is known of the state, first recording {@code current} as a change if the
	 * tracker missed it.
	 * @param current the client's state now
	 * @return the snapshot
	 */
	public Snapshot snapshot(ConnectionState current) {
		Snapshot snapshot = this.snapshot;
		return (snapshot.state() == current) ? snapshot : update(current);
	}

	private synchronized Snapshot update(ConnectionState current) {
		Snapshot previous = this.snapshot;
		if (previous.state() == current) {
			return previous;
		}
		Instant now = this.clock.instant();
		Instant unavailableSince = AVAILABLE.contains(current) ? null
				: (previous.unavailableSince() != null) ? previous.unavailableSince() : now;
		Snapshot snapshot = new Snapshot(current, now, unavailableSince);
		this.snapshot = snapshot;
		return snapshot;
	}

	/**
	 * Returns the clock that dates the changes.
	 * @return the clock
	 */
	public Clock getClock() {
		return this.clock;
	}

	/**
	 * The state of the control connection and its dates.
	 *
	 * @param state the state
	 * @param since when the connection entered it
	 * @param unavailableSince when the connection stopped being {@code READY} or {@code PAUSED},
	 * {@code null} while it is
	 */
	public record Snapshot(ConnectionState state, Instant since, @Nullable Instant unavailableSince) {
	}

}
