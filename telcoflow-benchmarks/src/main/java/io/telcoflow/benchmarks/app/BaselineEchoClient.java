package io.telcoflow.benchmarks.app;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: the least code that carries the same echo load on the same WebSocket stack and TLS
 * as the client (Reactor Netty's WebSocket client, one event loop per core, {@code TCP_NODELAY}),
 * with no SDK and no Spring Boot. One control connection; per {@code call.incoming} a media
 * connection; on {@code media.started} it answers; inbound audio goes into a queue that each
 * {@code audio.pull} takes one frame from, all on the connection's event loop. No reconnects, no
 * heartbeats, no timeouts, no error handling beyond closing.
 * <p>
 * Arguments: {@code url apiKey connectorUuid [trustStore [clientKeyStore]]} (PKCS12 stores with the
 * simulator's test password; an API key of {@code -} sends none, for mTLS).
 */
public final class BaselineEchoClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String STORE_PASSWORD = "changeit";

	private final HttpClient http;

	private final String apiKey;

	private final String connectorUuid;

	private final DispatchRecorder dispatch = new DispatchRecorder();

	private BaselineEchoClient(String apiKey, String connectorUuid, @Nullable SSLContext tls) {
		this.apiKey = apiKey;
		this.connectorUuid = connectorUuid;
		int loops = Math.max(2, Runtime.getRuntime().availableProcessors());
		HttpClient client = HttpClient.newConnection()
			.runOn(LoopResources.create("baseline-io", loops, true))
			.option(ChannelOption.TCP_NODELAY, true);
		this.http = (tls != null)
				? client.secure((spec) -> spec.sslContext(new JdkSslContext(tls, true, ClientAuth.NONE))) : client;
	}

	/**
	 * Connects and echoes until the harness closes standard input.
	 * @param args {@code url apiKey connectorUuid [trustStore [clientKeyStore]]}
	 * @throws Exception when the TLS material cannot be read
	 */
	public static void main(String[] args) throws Exception {
		SSLContext tls = (args.length > 3) ? tls(Path.of(args[3]), (args.length > 4) ? Path.of(args[4]) : null) : null;
		BaselineEchoClient baseline = new BaselineEchoClient(args[1], args[2], tls);
		ProcessProbe.start(baseline.dispatch, () -> "none");
		baseline.open(URI.create(args[0] + "/v1/control"), null, (channel, inbound) -> baseline.new Control(channel));
		new CountDownLatch(1).await();
	}

	private static SSLContext tls(Path trustStore, @Nullable Path keyStore) throws Exception {
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(load(trustStore));
		KeyManagerFactory keys = null;
		if (keyStore != null) {
			keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(load(keyStore), STORE_PASSWORD.toCharArray());
		}
		SSLContext context = SSLContext.getInstance("TLS");
		context.init((keys != null) ? keys.getKeyManagers() : null, trust.getTrustManagers(), null);
		return context;
	}

	private static KeyStore load(Path path) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(path)) {
			store.load(in, STORE_PASSWORD.toCharArray());
		}
		return store;
	}

	private void open(URI uri, @Nullable String mediaToken, HandlerFactory handlers) {
		this.http.headers((headers) -> {
			if (!"-".equals(this.apiKey)) {
				headers.set("Authorization", "Bearer " + this.apiKey);
				headers.set("Telcoflow-Connector", this.connectorUuid);
			}
			if (mediaToken != null) {
				headers.set("Telcoflow-Media-Token", mediaToken);
			}
		}).websocket(WebsocketClientSpec.builder().build()).uri(uri).handle((inbound, outbound) -> {
			Channel[] channel = new Channel[1];
			inbound.withConnection((connection) -> channel[0] = connection.channel());
			FrameHandler handler = handlers.create(channel[0], inbound);
			return inbound.receiveFrames().doOnNext(handler::frame).then();
		}).onErrorResume((failure) -> Mono.empty()).subscribe();
	}

	private interface HandlerFactory {

		FrameHandler create(Channel channel, WebsocketInbound inbound);

	}

	private interface FrameHandler {

		void frame(WebSocketFrame frame);

	}

	private final class Control implements FrameHandler {

		private final Channel channel;

		Control(Channel channel) {
			this.channel = channel;
		}

		@Override
		public void frame(WebSocketFrame frame) {
			if (!(frame instanceof TextWebSocketFrame text)) {
				return;
			}
			JsonNode node = json.readTree(text.text());
			String type = node.path("type").asString();
			if ("session.welcome".equals(type)) {
				this.channel.writeAndFlush(
						new TextWebSocketFrame("{\"type\":\"session.ready\",\"sample_rate\":24000,\"max_calls\":0}"));
			}
			else if ("call.incoming".equals(type)) {
				Instant offeredAt = Instant.parse(node.path("offered_at").asString());
				open(URI.create(node.path("media_url").asString()), node.path("media_token").asString(),
						(channel, inbound) -> new Media(channel, offeredAt));
			}
		}

	}

	private final class Media implements FrameHandler {

		private final Channel channel;

		private final Instant offeredAt;

		private final ArrayDeque<byte[]> echo = new ArrayDeque<>();

		Media(Channel channel, Instant offeredAt) {
			this.channel = channel;
			this.offeredAt = offeredAt;
		}

		@Override
		public void frame(WebSocketFrame frame) {
			if (frame instanceof BinaryWebSocketFrame) {
				byte[] audio = new byte[frame.content().readableBytes()];
				frame.content().readBytes(audio);
				this.echo.add(audio);
				return;
			}
			if (!(frame instanceof TextWebSocketFrame text)) {
				return;
			}
			JsonNode node = json.readTree(text.text());
			String type = node.path("type").asString();
			if ("audio.pull".equals(type)) {
				byte[] audio = this.echo.poll();
				if (audio != null) {
					this.channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(audio)));
				}
			}
			else if ("media.started".equals(type)) {
				BaselineEchoClient.this.dispatch.entered(this.offeredAt);
				this.channel.writeAndFlush(new TextWebSocketFrame("{\"type\":\"command\",\"id\":\"a\",\"name\":\"answer\"}"));
			}
			else if ("call.terminated".equals(type)) {
				this.channel.writeAndFlush(new CloseWebSocketFrame(1000, "call over"));
			}
		}

	}

}
