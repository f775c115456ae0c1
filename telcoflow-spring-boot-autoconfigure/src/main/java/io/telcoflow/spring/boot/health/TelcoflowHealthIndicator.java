package io.telcoflow.spring.boot.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;

import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.spring.boot.health.TelcoflowConnectionStateTracker.Snapshot;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@link org.springframework.boot.health.contributor.HealthIndicator HealthIndicator} for a
 * {@link TelcoflowClient}'s control connection, from the state the client keeps (no network I/O):
 * <ul>
 * <li>{@code UP} when {@code READY} or {@code PAUSED} (paused for a graceful shutdown: calls
 * in progress go on), and while the connection has been unavailable ({@code CONNECTING},
 * {@code CONNECTED} but not ready, {@code RECONNECTING}) for no longer than the grace period;</li>
 * <li>{@code DOWN} on {@code AUTHENTICATION_FAILED}, and when it has been unavailable for longer
 * than the grace period;</li>
 * <li>{@code UNKNOWN} when {@code NEW} (not started) and {@code OUT_OF_SERVICE} when
 * {@code CLOSED}.</li>
 * </ul>
 * Details: {@code state}, {@code since} (when it entered the state), {@code unavailableSince}
 * when not ready, {@code url} (without user info, query or fragment), {@code activeCalls}. Never
 * a credential.
 */
public class TelcoflowHealthIndicator extends AbstractHealthIndicator {

	private final TelcoflowClient client;

	private final TelcoflowConnectionStateTracker tracker;

	private final Duration gracePeriod;

	private final @Nullable String url;

	/**
	 * Creates an indicator.
	 * @param client the client
	 * @param tracker the tracker of the client's connection state, listening to the client
	 * @param gracePeriod how long the connection may be unavailable before the client is
	 * {@code DOWN}
	 * @param url the server's URL, shown without user info, query or fragment; {@code null} to show
	 * none
	 */
	public TelcoflowHealthIndicator(TelcoflowClient client, TelcoflowConnectionStateTracker tracker,
			Duration gracePeriod, @Nullable String url) {
		super("Telcoflow health check failed");
		this.client = client;
		this.tracker = tracker;
		this.gracePeriod = gracePeriod;
		this.url = safeUrl(url);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Snapshot snapshot = this.tracker.snapshot(this.client.getConnectionState());
		ConnectionState state = snapshot.state();
		builder.withDetail("state", state.name()).withDetail("since", snapshot.since().toString());
		Instant unavailableSince = snapshot.unavailableSince();
		if (unavailableSince != null) {
			builder.withDetail("unavailableSince", unavailableSince.toString());
		}
		if (this.url != null) {
			builder.withDetail("url", this.url);
		}
		builder.withDetail("activeCalls", this.client.getActiveCalls().size());
		switch (state) {
			case READY, PAUSED -> builder.up();
			case AUTHENTICATION_FAILED -> builder.down();
			case CLOSED -> builder.outOfService();
			case NEW -> builder.unknown();
			default -> status(builder, unavailableSince);
		}
	}

	private void status(Health.Builder builder, @Nullable Instant unavailableSince) {
		Instant now = this.tracker.getClock().instant();
		boolean withinGracePeriod = unavailableSince == null
				|| Duration.between(unavailableSince, now).compareTo(this.gracePeriod) <= 0;
		if (withinGracePeriod) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

	static @Nullable String safeUrl(@Nullable String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = new URI(url);
			return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
		}
		catch (URISyntaxException | RuntimeException ex) {
			// Unparseable: it might hold anything, so show none of it
			return null;
		}
	}

}
