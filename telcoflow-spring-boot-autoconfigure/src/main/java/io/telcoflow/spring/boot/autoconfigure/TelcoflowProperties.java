package io.telcoflow.spring.boot.autoconfigure;

import java.time.Duration;

import io.telcoflow.client.HandlerFailureAction;
import io.telcoflow.spring.listener.ShutdownAction;
import io.telcoflow.spring.listener.UnmatchedCallAction;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for the Telcoflow client, under {@code telcoflow}.
 * <p>
 * Connection settings ({@code url}, {@code api-key}, {@code connector-uuid}, {@code ssl.bundle}) are
 * read through {@link TelcoflowConnectionDetails}, which a test or container can replace.
 */
@ConfigurationProperties("telcoflow")
public class TelcoflowProperties {

	/**
	 * Whether to auto-configure the Telcoflow client and its call handlers.
	 */
	private boolean enabled = true;

	/**
	 * Base URL of the Telcoflow server, for example wss://telcoflow.example.com.
	 */
	private @Nullable String url;

	/**
	 * API key for API-key authentication (sandbox). Requires connector-uuid; excludes ssl.bundle
	 * with a client key.
	 */
	private @Nullable String apiKey;

	/**
	 * UUID of the connector that goes with the API key.
	 */
	private @Nullable String connectorUuid;

	/**
	 * Maximum number of calls served at once; the server offers no more. 0 means no limit.
	 */
	private int maxConcurrentCalls = 100;

	/**
	 * Time a call command waits for the server's result.
	 */
	private Duration commandTimeout = Duration.ofSeconds(10);

	/**
	 * Time a WebSocket handshake may take.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Whether plain ws:// to a host other than loopback is allowed, sending credentials and audio
	 * unencrypted.
	 */
	private boolean allowInsecureTransport;

	private final Ssl ssl = new Ssl();

	private final Audio audio = new Audio();

	private final Reconnect reconnect = new Reconnect();

	private final Handler handler = new Handler();

	private final Shutdown shutdown = new Shutdown();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getConnectorUuid() {
		return this.connectorUuid;
	}

	public void setConnectorUuid(@Nullable String connectorUuid) {
		this.connectorUuid = connectorUuid;
	}

	public int getMaxConcurrentCalls() {
		return this.maxConcurrentCalls;
	}

	public void setMaxConcurrentCalls(int maxConcurrentCalls) {
		this.maxConcurrentCalls = maxConcurrentCalls;
	}

	public Duration getCommandTimeout() {
		return this.commandTimeout;
	}

	public void setCommandTimeout(Duration commandTimeout) {
		this.commandTimeout = commandTimeout;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public boolean isAllowInsecureTransport() {
		return this.allowInsecureTransport;
	}

	public void setAllowInsecureTransport(boolean allowInsecureTransport) {
		this.allowInsecureTransport = allowInsecureTransport;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Audio getAudio() {
		return this.audio;
	}

	public Reconnect getReconnect() {
		return this.reconnect;
	}

	public Handler getHandler() {
		return this.handler;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	/**
	 * TLS settings.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) with the mTLS client key and certificate
		 * (production authentication) and the trust material for the server. A bundle without a
		 * key only sets the trust material.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * Audio settings, for every call.
	 */
	public static class Audio {

		/**
		 * Sample rate of the audio in both directions, in Hz: 8000, 16000, 24000 or 48000.
		 */
		private int sampleRate = 24000;

		/**
		 * Capacity of each call's outgoing audio buffer; writing more fails with
		 * BufferFullException.
		 */
		private DataSize outgoingBufferSize = DataSize.ofMegabytes(1);

		/**
		 * Number of inbound audio frames kept for a slow reader before the oldest is dropped.
		 */
		private int inboundQueueFrames = 500;

		public int getSampleRate() {
			return this.sampleRate;
		}

		public void setSampleRate(int sampleRate) {
			this.sampleRate = sampleRate;
		}

		public DataSize getOutgoingBufferSize() {
			return this.outgoingBufferSize;
		}

		public void setOutgoingBufferSize(DataSize outgoingBufferSize) {
			this.outgoingBufferSize = outgoingBufferSize;
		}

		public int getInboundQueueFrames() {
			return this.inboundQueueFrames;
		}

		public void setInboundQueueFrames(int inboundQueueFrames) {
			this.inboundQueueFrames = inboundQueueFrames;
		}

	}

	/**
	 * Reconnect backoff of the control connection: attempt n waits a random time up to
	 * min(max-delay, initial-delay * multiplier^(n-1)).
	 */
	public static class Reconnect {

		/**
		 * Upper bound of the delay before the first reconnect attempt.
		 */
		private Duration initialDelay = Duration.ofMillis(500);

		/**
		 * Factor by which the delay bound grows with each attempt, at least 1.
		 */
		private double multiplier = 2.0;

		/**
		 * Cap of the delay between reconnect attempts.
		 */
		private Duration maxDelay = Duration.ofSeconds(30);

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

	}

	/**
	 * Settings of the @OnIncomingCall handlers.
	 */
	public static class Handler {

		/**
		 * What to do with a call whose handler threw.
		 */
		private HandlerFailureAction failureAction = HandlerFailureAction.DISCONNECT;

		/**
		 * What to do with a call that no handler matches.
		 */
		private UnmatchedCallAction unmatchedCall = UnmatchedCallAction.FAIL;

		public HandlerFailureAction getFailureAction() {
			return this.failureAction;
		}

		public void setFailureAction(HandlerFailureAction failureAction) {
			this.failureAction = failureAction;
		}

		public UnmatchedCallAction getUnmatchedCall() {
			return this.unmatchedCall;
		}

		public void setUnmatchedCall(UnmatchedCallAction unmatchedCall) {
			this.unmatchedCall = unmatchedCall;
		}

	}

	/**
	 * Graceful shutdown settings.
	 */
	public static class Shutdown {

		/**
		 * Time live calls get to end by themselves on shutdown, once no new call is offered. Kept
		 * below spring.lifecycle.timeout-per-shutdown-phase.
		 */
		private Duration drainTimeout = Duration.ofSeconds(20);

		/**
		 * What to do with calls still live when the drain timeout expires.
		 */
		private ShutdownAction action = ShutdownAction.CLOSE;

		public Duration getDrainTimeout() {
			return this.drainTimeout;
		}

		public void setDrainTimeout(Duration drainTimeout) {
			this.drainTimeout = drainTimeout;
		}

		public ShutdownAction getAction() {
			return this.action;
		}

		public void setAction(ShutdownAction action) {
			this.action = action;
		}

	}

}
