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

	/**
	 * Returns {@code telcoflow.enabled}: whether to auto-configure the Telcoflow client and its call
	 * handlers.
	 * @return the value
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets {@code telcoflow.enabled}: whether to auto-configure the Telcoflow client and its call
	 * handlers.
	 * @param enabled the value
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Returns {@code telcoflow.url}: base URL of the Telcoflow server, for example
	 * wss://telcoflow.example.com.
	 * @return the value
	 */
	public @Nullable String getUrl() {
		return this.url;
	}

	/**
	 * Sets {@code telcoflow.url}: base URL of the Telcoflow server, for example
	 * wss://telcoflow.example.com.
	 * @param url the value
	 */
	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	/**
	 * Returns {@code telcoflow.api-key}: API key for API-key authentication (sandbox). Requires
	 * connector-uuid; excludes ssl.bundle with a client key.
	 * @return the value
	 */
	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	/**
	 * Sets {@code telcoflow.api-key}: API key for API-key authentication (sandbox). Requires
	 * connector-uuid; excludes ssl.bundle with a client key.
	 * @param apiKey the value
	 */
	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * Returns {@code telcoflow.connector-uuid}: UUID of the connector that goes with the API key.
	 * @return the value
	 */
	public @Nullable String getConnectorUuid() {
		return this.connectorUuid;
	}

	/**
	 * Sets {@code telcoflow.connector-uuid}: UUID of the connector that goes with the API key.
	 * @param connectorUuid the value
	 */
	public void setConnectorUuid(@Nullable String connectorUuid) {
		this.connectorUuid = connectorUuid;
	}

	/**
	 * Returns {@code telcoflow.max-concurrent-calls}: maximum number of calls served at once; the
	 * server offers no more. 0 means no limit.
	 * @return the value
	 */
	public int getMaxConcurrentCalls() {
		return this.maxConcurrentCalls;
	}

	/**
	 * Sets {@code telcoflow.max-concurrent-calls}: maximum number of calls served at once; the server
	 * offers no more. 0 means no limit.
	 * @param maxConcurrentCalls the value
	 */
	public void setMaxConcurrentCalls(int maxConcurrentCalls) {
		this.maxConcurrentCalls = maxConcurrentCalls;
	}

	/**
	 * Returns {@code telcoflow.command-timeout}: time a call command waits for the server's result.
	 * @return the value
	 */
	public Duration getCommandTimeout() {
		return this.commandTimeout;
	}

	/**
	 * Sets {@code telcoflow.command-timeout}: time a call command waits for the server's result.
	 * @param commandTimeout the value
	 */
	public void setCommandTimeout(Duration commandTimeout) {
		this.commandTimeout = commandTimeout;
	}

	/**
	 * Returns {@code telcoflow.connect-timeout}: time a WebSocket handshake may take.
	 * @return the value
	 */
	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * Sets {@code telcoflow.connect-timeout}: time a WebSocket handshake may take.
	 * @param connectTimeout the value
	 */
	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	/**
	 * Returns {@code telcoflow.allow-insecure-transport}: whether plain ws:// to a host other than
	 * loopback is allowed, sending credentials and audio unencrypted.
	 * @return the value
	 */
	public boolean isAllowInsecureTransport() {
		return this.allowInsecureTransport;
	}

	/**
	 * Sets {@code telcoflow.allow-insecure-transport}: whether plain ws:// to a host other than
	 * loopback is allowed, sending credentials and audio unencrypted.
	 * @param allowInsecureTransport the value
	 */
	public void setAllowInsecureTransport(boolean allowInsecureTransport) {
		this.allowInsecureTransport = allowInsecureTransport;
	}

	/**
	 * Returns the {@code telcoflow.ssl.*} settings: TLS settings.
	 * @return the settings
	 */
	public Ssl getSsl() {
		return this.ssl;
	}

	/**
	 * Returns the {@code telcoflow.audio.*} settings: audio settings, for every call.
	 * @return the settings
	 */
	public Audio getAudio() {
		return this.audio;
	}

	/**
	 * Returns the {@code telcoflow.reconnect.*} settings: reconnect backoff of the control connection:
	 * attempt n waits a random time up to min(max-delay, initial-delay * multiplier^(n-1)).
	 * @return the settings
	 */
	public Reconnect getReconnect() {
		return this.reconnect;
	}

	/**
	 * Returns the {@code telcoflow.handler.*} settings: settings of the @OnIncomingCall handlers.
	 * @return the settings
	 */
	public Handler getHandler() {
		return this.handler;
	}

	/**
	 * Returns the {@code telcoflow.shutdown.*} settings: graceful shutdown settings.
	 * @return the settings
	 */
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

		/**
		 * Returns {@code telcoflow.ssl.bundle}: name of the SSL bundle (spring.ssl.bundle.*) with the
		 * mTLS client key and certificate (production authentication) and the trust material for the
		 * server. A bundle without a key only sets the trust material.
		 * @return the value
		 */
		public @Nullable String getBundle() {
			return this.bundle;
		}

		/**
		 * Sets {@code telcoflow.ssl.bundle}: name of the SSL bundle (spring.ssl.bundle.*) with the
		 * mTLS client key and certificate (production authentication) and the trust material for the
		 * server. A bundle without a key only sets the trust material.
		 * @param bundle the value
		 */
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

		/**
		 * Returns {@code telcoflow.audio.sample-rate}: sample rate of the audio in both directions, in
		 * Hz: 8000, 16000, 24000 or 48000.
		 * @return the value
		 */
		public int getSampleRate() {
			return this.sampleRate;
		}

		/**
		 * Sets {@code telcoflow.audio.sample-rate}: sample rate of the audio in both directions, in
		 * Hz: 8000, 16000, 24000 or 48000.
		 * @param sampleRate the value
		 */
		public void setSampleRate(int sampleRate) {
			this.sampleRate = sampleRate;
		}

		/**
		 * Returns {@code telcoflow.audio.outgoing-buffer-size}: capacity of each call's outgoing audio
		 * buffer; writing more fails with BufferFullException.
		 * @return the value
		 */
		public DataSize getOutgoingBufferSize() {
			return this.outgoingBufferSize;
		}

		/**
		 * Sets {@code telcoflow.audio.outgoing-buffer-size}: capacity of each call's outgoing audio
		 * buffer; writing more fails with BufferFullException.
		 * @param outgoingBufferSize the value
		 */
		public void setOutgoingBufferSize(DataSize outgoingBufferSize) {
			this.outgoingBufferSize = outgoingBufferSize;
		}

		/**
		 * Returns {@code telcoflow.audio.inbound-queue-frames}: number of inbound audio frames kept
		 * for a slow reader before the oldest is dropped.
		 * @return the value
		 */
		public int getInboundQueueFrames() {
			return this.inboundQueueFrames;
		}

		/**
		 * Sets {@code telcoflow.audio.inbound-queue-frames}: number of inbound audio frames kept for a
		 * slow reader before the oldest is dropped.
		 * @param inboundQueueFrames the value
		 */
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

		/**
		 * Returns {@code telcoflow.reconnect.initial-delay}: upper bound of the delay before the first
		 * reconnect attempt.
		 * @return the value
		 */
		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		/**
		 * Sets {@code telcoflow.reconnect.initial-delay}: upper bound of the delay before the first
		 * reconnect attempt.
		 * @param initialDelay the value
		 */
		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		/**
		 * Returns {@code telcoflow.reconnect.multiplier}: factor by which the delay bound grows with
		 * each attempt, at least 1.
		 * @return the value
		 */
		public double getMultiplier() {
			return this.multiplier;
		}

		/**
		 * Sets {@code telcoflow.reconnect.multiplier}: factor by which the delay bound grows with each
		 * attempt, at least 1.
		 * @param multiplier the value
		 */
		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		/**
		 * Returns {@code telcoflow.reconnect.max-delay}: cap of the delay between reconnect attempts.
		 * @return the value
		 */
		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		/**
		 * Sets {@code telcoflow.reconnect.max-delay}: cap of the delay between reconnect attempts.
		 * @param maxDelay the value
		 */
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

		/**
		 * Returns {@code telcoflow.handler.failure-action}: what to do with a call whose handler
		 * threw.
		 * @return the value
		 */
		public HandlerFailureAction getFailureAction() {
			return this.failureAction;
		}

		/**
		 * Sets {@code telcoflow.handler.failure-action}: what to do with a call whose handler threw.
		 * @param failureAction the value
		 */
		public void setFailureAction(HandlerFailureAction failureAction) {
			this.failureAction = failureAction;
		}

		/**
		 * Returns {@code telcoflow.handler.unmatched-call}: what to do with a call that no handler
		 * matches.
		 * @return the value
		 */
		public UnmatchedCallAction getUnmatchedCall() {
			return this.unmatchedCall;
		}

		/**
		 * Sets {@code telcoflow.handler.unmatched-call}: what to do with a call that no handler
		 * matches.
		 * @param unmatchedCall the value
		 */
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

		/**
		 * Returns {@code telcoflow.shutdown.drain-timeout}: time live calls get to end by themselves
		 * on shutdown, once no new call is offered. Kept below
		 * spring.lifecycle.timeout-per-shutdown-phase.
		 * @return the value
		 */
		public Duration getDrainTimeout() {
			return this.drainTimeout;
		}

		/**
		 * Sets {@code telcoflow.shutdown.drain-timeout}: time live calls get to end by themselves on
		 * shutdown, once no new call is offered. Kept below
		 * spring.lifecycle.timeout-per-shutdown-phase.
		 * @param drainTimeout the value
		 */
		public void setDrainTimeout(Duration drainTimeout) {
			this.drainTimeout = drainTimeout;
		}

		/**
		 * Returns {@code telcoflow.shutdown.action}: what to do with calls still live when the drain
		 * timeout expires.
		 * @return the value
		 */
		public ShutdownAction getAction() {
			return this.action;
		}

		/**
		 * Sets {@code telcoflow.shutdown.action}: what to do with calls still live when the drain
		 * timeout expires.
		 * @param action the value
		 */
		public void setAction(ShutdownAction action) {
			this.action = action;
		}

	}

}
