package io.telcoflow.spring.boot.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Telcoflow health indicator.
 */
@ConfigurationProperties("management.health.telcoflow")
public class TelcoflowHealthProperties {

	/**
	 * How long the control connection may be unavailable (connecting, reconnecting, or connected
	 * but not ready) before the health indicator reports DOWN.
	 */
	private Duration disconnectedGracePeriod = Duration.ofSeconds(30);

	/**
	 * Returns {@code telcoflow.health.disconnected-grace-period}: how long the control connection may
	 * be unavailable (connecting, reconnecting, or connected but not ready) before the health
	 * indicator reports DOWN.
	 * @return the value
	 */
	public Duration getDisconnectedGracePeriod() {
		return this.disconnectedGracePeriod;
	}

	/**
	 * Sets {@code telcoflow.health.disconnected-grace-period}: how long the control connection may be
	 * unavailable (connecting, reconnecting, or connected but not ready) before the health indicator
	 * reports DOWN.
	 * @param disconnectedGracePeriod the value
	 */
	public void setDisconnectedGracePeriod(Duration disconnectedGracePeriod) {
		this.disconnectedGracePeriod = disconnectedGracePeriod;
	}

}
