package io.telcoflow.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javax.net.ssl.SSLContext;

import io.telcoflow.client.tls.ClientCertificate;
import io.telcoflow.client.tls.TrustMaterial;
import org.jspecify.annotations.Nullable;

/**
 * The client's configuration, immutable. Build it with {@link #builder()}; {@link Builder#build()}
 * fails with an {@link IllegalArgumentException} that names the setting when a value is invalid.
 * <p>
 * Two forms of authentication, exactly one of which must be chosen:
 * <ul>
 * <li>API key (the SDK's "sandbox" mode): {@link Builder#apiKey(String, String)} with the connector
 * UUID;</li>
 * <li>mTLS (the SDK's "production" mode): {@link Builder#clientCertificate(ClientCertificate)} (a
 * PKCS12 or JKS keystore, or PEM certificate and key files) or a ready
 * {@link Builder#sslContext(SSLContext)} holding the client key.</li>
 * </ul>
 * {@link #toString()} never shows the API key or any password.
 */
public final class TelcoflowConfig {

	/** Sample rates the client accepts; 24000 is the one every server supports. */
	public static final Set<Integer> SUPPORTED_SAMPLE_RATES = Set.of(8000, 16000, 24000, 48000);

	/** Default sample rate. */
	public static final int DEFAULT_SAMPLE_RATE = 24000;

	/** Default outgoing buffer capacity, 1 MiB. */
	public static final int DEFAULT_OUTGOING_BUFFER_SIZE = 1024 * 1024;

	/** Default inbound queue length: 500 frames, 10 s of audio at 20 ms frames. */
	public static final int DEFAULT_INBOUND_QUEUE_FRAMES = 500;

	/** Default command timeout. */
	public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);

	/** Default timeout of a WebSocket handshake. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private final URI url;

	private final @Nullable String apiKey;

	private final @Nullable String connectorUuid;

	private final @Nullable ClientCertificate clientCertificate;

	private final @Nullable TrustMaterial trustMaterial;

	private final @Nullable SSLContext sslContext;

	private final int sampleRate;

	private final int outgoingBufferSize;

	private final int inboundQueueFrames;

	private final Duration commandTimeout;

	private final Duration connectTimeout;

	private final ReconnectBackoff reconnectBackoff;

	private final boolean allowInsecureTransport;

	private final int maxCalls;

	private final HandlerFailureAction handlerFailureAction;

	private TelcoflowConfig(Builder builder) {
		this.url = validateUrl(builder.url, builder.allowInsecureTransport);
		this.apiKey = builder.apiKey;
		this.connectorUuid = builder.connectorUuid;
		this.clientCertificate = builder.clientCertificate;
		this.trustMaterial = builder.trustMaterial;
		this.sslContext = builder.sslContext;
		validateAuthentication();
		this.sampleRate = builder.sampleRate;
		require(SUPPORTED_SAMPLE_RATES.contains(this.sampleRate), "sampleRate",
				"must be one of " + SUPPORTED_SAMPLE_RATES, this.sampleRate);
		this.outgoingBufferSize = builder.outgoingBufferSize;
		require(this.outgoingBufferSize >= 2 * frameBytes(this.sampleRate), "outgoingBufferSize",
				"must hold at least two 20 ms frames (" + 2 * frameBytes(this.sampleRate) + " bytes)",
				this.outgoingBufferSize);
		this.inboundQueueFrames = builder.inboundQueueFrames;
		require(this.inboundQueueFrames >= 1, "inboundQueueFrames", "must be at least 1", this.inboundQueueFrames);
		this.commandTimeout = builder.commandTimeout;
		require(this.commandTimeout.toMillis() > 0, "commandTimeout", "must be positive", this.commandTimeout);
		this.connectTimeout = builder.connectTimeout;
		require(this.connectTimeout.toMillis() > 0, "connectTimeout", "must be positive", this.connectTimeout);
		this.reconnectBackoff = builder.reconnectBackoff;
		this.allowInsecureTransport = builder.allowInsecureTransport;
		this.maxCalls = builder.maxCalls;
		require(this.maxCalls >= 0, "maxCalls", "must be 0 (no limit) or positive", this.maxCalls);
		this.handlerFailureAction = builder.handlerFailureAction;
	}

	private static int frameBytes(int sampleRate) {
		return sampleRate / 50 * 2;
	}

	private static URI validateUrl(@Nullable String url, boolean allowInsecure) {
		require(url != null && !url.isBlank(), "url", "must be set, for example wss://telcoflow.example.com", url);
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("Invalid Telcoflow setting 'url': '" + url + "' is not a URI");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		require(scheme.equals("ws") || scheme.equals("wss"), "url", "must start with wss:// (or ws:// for loopback)",
				url);
		require(uri.getHost() != null, "url", "must name a host", url);
		if (scheme.equals("ws") && !allowInsecure && !isLoopback(uri.getHost())) {
			throw new IllegalArgumentException("Invalid Telcoflow setting 'url': plain ws:// to the non-loopback host '"
					+ uri.getHost() + "' would send credentials and audio unencrypted; use wss:// or set "
					+ "'allowInsecureTransport' to true");
		}
		return uri;
	}

	static boolean isLoopback(String host) {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (bare.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
			return false; // a name other than localhost: never resolved here
		}
		try {
			return InetAddress.getByName(bare).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private void validateAuthentication() {
		boolean mtls = this.clientCertificate != null || (this.sslContext != null && this.apiKey == null);
		if (this.apiKey != null && this.clientCertificate != null) {
			throw new IllegalArgumentException("Invalid Telcoflow settings: both 'apiKey' and 'clientCertificate' are "
					+ "set; choose one form of authentication");
		}
		if (this.apiKey == null && !mtls) {
			throw new IllegalArgumentException("Invalid Telcoflow settings: no authentication; set 'apiKey' and "
					+ "'connectorUuid', or a 'clientCertificate' (or an 'sslContext' with the client key) for mTLS");
		}
		if (this.clientCertificate != null && this.sslContext != null) {
			throw new IllegalArgumentException("Invalid Telcoflow settings: both 'clientCertificate' and 'sslContext' "
					+ "are set; put the client key into the SSLContext or use 'clientCertificate' alone");
		}
		if (this.trustMaterial != null && this.sslContext != null) {
			throw new IllegalArgumentException("Invalid Telcoflow settings: both 'trustMaterial' and 'sslContext' "
					+ "are set; put the trusted certificates into the SSLContext");
		}
		if (this.apiKey != null) {
			require(!this.apiKey.isBlank(), "apiKey", "must not be blank", "(blank)");
			require(this.connectorUuid != null, "connectorUuid", "must be set with 'apiKey'", null);
			try {
				UUID.fromString(this.connectorUuid);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Invalid Telcoflow setting 'connectorUuid': '" + this.connectorUuid
						+ "' is not a UUID (expected the form 123e4567-e89b-12d3-a456-426614174000)");
			}
		}
	}

	/**
	 * Fails with a message that names the setting, when a condition does not hold.
	 * @param condition the condition
	 * @param setting the setting's name
	 * @param rule what the value must be
	 * @param value the value (never a secret)
	 */
	static void require(boolean condition, String setting, String rule, @Nullable Object value) {
		if (!condition) {
			throw new IllegalArgumentException(
					"Invalid Telcoflow setting '" + setting + "': " + rule + " (was " + value + ")");
		}
	}

	/**
	 * Starts a builder.
	 * @return a builder with the defaults
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the server's base URL; the control connection is {@code {url}/v1/control}.
	 * @return the URL
	 */
	public URI getUrl() {
		return this.url;
	}

	/**
	 * Returns the API key; sensitive, never log it.
	 * @return the API key, or {@code null} with mTLS
	 */
	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	/**
	 * Returns the connector UUID that goes with the API key.
	 * @return the UUID, or {@code null} with mTLS
	 */
	public @Nullable String getConnectorUuid() {
		return this.connectorUuid;
	}

	/**
	 * Returns whether authentication is by API key (else by mTLS client certificate).
	 * @return whether an API key is used
	 */
	public boolean isApiKeyAuthentication() {
		return this.apiKey != null;
	}

	/**
	 * Returns the mTLS client key material.
	 * @return the client certificate, or {@code null}
	 */
	public @Nullable ClientCertificate getClientCertificate() {
		return this.clientCertificate;
	}

	/**
	 * Returns the trust material for the server's certificate.
	 * @return the trust material, or {@code null} for the JDK's default trust store
	 */
	public @Nullable TrustMaterial getTrustMaterial() {
		return this.trustMaterial;
	}

	/**
	 * Returns the ready SSL context, if one was given.
	 * @return the context, or {@code null}
	 */
	public @Nullable SSLContext getSslContext() {
		return this.sslContext;
	}

	/**
	 * Returns the sample rate of every call's audio in both directions.
	 * @return samples per second (default 24000)
	 */
	public int getSampleRate() {
		return this.sampleRate;
	}

	/**
	 * Returns the capacity of each call's outgoing audio buffer.
	 * @return bytes (default 1 MiB); memory is only taken for what is buffered
	 */
	public int getOutgoingBufferSize() {
		return this.outgoingBufferSize;
	}

	/**
	 * Returns how many inbound frames wait for a slow audio reader before the oldest is dropped.
	 * @return frames (default 500)
	 */
	public int getInboundQueueFrames() {
		return this.inboundQueueFrames;
	}

	/**
	 * Returns how long a command waits for its result ({@code connect} waits its ring time more).
	 * @return the timeout (default 10 s)
	 */
	public Duration getCommandTimeout() {
		return this.commandTimeout;
	}

	/**
	 * Returns how long a WebSocket handshake may take.
	 * @return the timeout (default 10 s)
	 */
	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * Returns the reconnect backoff.
	 * @return the backoff (default 0.5 s, factor 2, cap 30 s)
	 */
	public ReconnectBackoff getReconnectBackoff() {
		return this.reconnectBackoff;
	}

	/**
	 * Returns whether plain {@code ws://} to a non-loopback host is allowed.
	 * @return whether insecure transport is allowed (default false)
	 */
	public boolean isAllowInsecureTransport() {
		return this.allowInsecureTransport;
	}

	/**
	 * Returns how many calls the client serves at once; the server offers no more.
	 * @return the maximum, 0 for no limit (the default)
	 */
	public int getMaxCalls() {
		return this.maxCalls;
	}

	/**
	 * Returns what happens to a call whose handler threw.
	 * @return the action (default {@link HandlerFailureAction#DISCONNECT})
	 */
	public HandlerFailureAction getHandlerFailureAction() {
		return this.handlerFailureAction;
	}

	@Override
	public String toString() {
		return "TelcoflowConfig[url=" + this.url + ", authentication="
				+ (isApiKeyAuthentication() ? "api-key (connector " + this.connectorUuid + ", key ******)" : "mtls")
				+ ", sampleRate=" + this.sampleRate + ", outgoingBufferSize=" + this.outgoingBufferSize
				+ ", inboundQueueFrames=" + this.inboundQueueFrames + ", commandTimeout=" + this.commandTimeout
				+ ", maxCalls=" + this.maxCalls + "]";
	}

	/**
	 * Builds a {@link TelcoflowConfig}. Every setter returns the builder.
	 */
	public static final class Builder {

		private @Nullable String url;

		private @Nullable String apiKey;

		private @Nullable String connectorUuid;

		private @Nullable ClientCertificate clientCertificate;

		private @Nullable TrustMaterial trustMaterial;

		private @Nullable SSLContext sslContext;

		private int sampleRate = DEFAULT_SAMPLE_RATE;

		private int outgoingBufferSize = DEFAULT_OUTGOING_BUFFER_SIZE;

		private int inboundQueueFrames = DEFAULT_INBOUND_QUEUE_FRAMES;

		private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private ReconnectBackoff reconnectBackoff = ReconnectBackoff.DEFAULT;

		private boolean allowInsecureTransport;

		private int maxCalls;

		private HandlerFailureAction handlerFailureAction = HandlerFailureAction.DISCONNECT;

		private Builder() {
		}

		/**
		 * Sets the server's base URL, {@code wss://host[:port]}.
		 * @param url the URL
		 * @return this builder
		 */
		public Builder url(String url) {
			this.url = url;
			return this;
		}

		/**
		 * Chooses API-key authentication.
		 * @param apiKey the API key
		 * @param connectorUuid the connector's UUID
		 * @return this builder
		 */
		public Builder apiKey(String apiKey, String connectorUuid) {
			this.apiKey = apiKey;
			this.connectorUuid = connectorUuid;
			return this;
		}

		/**
		 * Chooses mTLS authentication with this client key material.
		 * @param clientCertificate the key material
		 * @return this builder
		 */
		public Builder clientCertificate(ClientCertificate clientCertificate) {
			this.clientCertificate = clientCertificate;
			return this;
		}

		/**
		 * Sets the certificates trusted for the server (default: the JDK's).
		 * @param trustMaterial the trust material
		 * @return this builder
		 */
		public Builder trustMaterial(TrustMaterial trustMaterial) {
			this.trustMaterial = trustMaterial;
			return this;
		}

		/**
		 * Sets a ready SSL context (for example from a Spring Boot SSL bundle). Without an API key it
		 * means mTLS, and must hold the client key.
		 * @param sslContext the context
		 * @return this builder
		 */
		public Builder sslContext(SSLContext sslContext) {
			this.sslContext = sslContext;
			return this;
		}

		/**
		 * Sets the sample rate, one of {@link #SUPPORTED_SAMPLE_RATES}.
		 * @param sampleRate samples per second
		 * @return this builder
		 */
		public Builder sampleRate(int sampleRate) {
			this.sampleRate = sampleRate;
			return this;
		}

		/**
		 * Sets each call's outgoing buffer capacity.
		 * @param bytes the capacity
		 * @return this builder
		 */
		public Builder outgoingBufferSize(int bytes) {
			this.outgoingBufferSize = bytes;
			return this;
		}

		/**
		 * Sets the inbound queue length per call.
		 * @param frames the length
		 * @return this builder
		 */
		public Builder inboundQueueFrames(int frames) {
			this.inboundQueueFrames = frames;
			return this;
		}

		/**
		 * Sets the command timeout.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder commandTimeout(Duration timeout) {
			this.commandTimeout = timeout;
			return this;
		}

		/**
		 * Sets the WebSocket handshake timeout.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = timeout;
			return this;
		}

		/**
		 * Sets the reconnect backoff.
		 * @param backoff the backoff
		 * @return this builder
		 */
		public Builder reconnectBackoff(ReconnectBackoff backoff) {
			this.reconnectBackoff = backoff;
			return this;
		}

		/**
		 * Sets whether plain {@code ws://} to a non-loopback host is allowed.
		 * @param allow whether to allow it
		 * @return this builder
		 */
		public Builder allowInsecureTransport(boolean allow) {
			this.allowInsecureTransport = allow;
			return this;
		}

		/**
		 * Sets how many calls the client serves at once.
		 * @param maxCalls the maximum, 0 for no limit
		 * @return this builder
		 */
		public Builder maxCalls(int maxCalls) {
			this.maxCalls = maxCalls;
			return this;
		}

		/**
		 * Sets what happens to a call whose handler threw.
		 * @param action the action
		 * @return this builder
		 */
		public Builder handlerFailureAction(HandlerFailureAction action) {
			this.handlerFailureAction = action;
			return this;
		}

		/**
		 * Validates and builds the configuration.
		 * @return the configuration
		 * @throws IllegalArgumentException naming the setting, when a value is invalid
		 */
		public TelcoflowConfig build() {
			return new TelcoflowConfig(this);
		}

	}

}
