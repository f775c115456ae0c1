package io.telcoflow.benchmarks.app;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;

import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * The baseline: the least code that carries the same echo load on the same WebSocket stack as the
 * client (Spring's {@link StandardWebSocketClient} on Tomcat's container), with no SDK and no
 * Spring Boot. One control connection; per {@code call.incoming} a media connection; on
 * {@code media.started} it answers; inbound audio goes into a queue that each
 * {@code audio.pull} takes one frame from, all on the connection's reader thread. No reconnects,
 * no heartbeats, no timeouts, no error handling beyond closing. With
 * {@code -Dbaseline.tcpNoDelay=true} its media connections set {@code TCP_NODELAY} (see
 * {@link TcpNoDelay}); {@code -Dbaseline.bufferSize=262144} gives it the client's message buffer
 * sizes.
 * <p>
 * Arguments: {@code url apiKey connectorUuid}.
 */
public final class BaselineEchoClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final boolean tcpNoDelay = Boolean.getBoolean("baseline.tcpNoDelay");

	private final StandardWebSocketClient client = new StandardWebSocketClient(container());

	private final String apiKey;

	private final String connectorUuid;

	private final DispatchRecorder dispatch = new DispatchRecorder();

	private BaselineEchoClient(String apiKey, String connectorUuid) {
		this.apiKey = apiKey;
		this.connectorUuid = connectorUuid;
	}

	/**
	 * Connects and echoes until the harness closes standard input.
	 * @param args {@code url apiKey connectorUuid}
	 * @throws Exception when the control connection fails
	 */
	public static void main(String[] args) throws Exception {
		BaselineEchoClient baseline = new BaselineEchoClient(args[1], args[2]);
		ProcessProbe.start(baseline.dispatch, () -> "none");
		baseline.client.execute(baseline.new Control(), baseline.headers(null), URI.create(args[0] + "/v1/control"))
			.get();
		new CountDownLatch(1).await();
	}

	/** Tomcat's defaults (8 KiB message buffers), or {@code -Dbaseline.bufferSize} to compare. */
	private static WsWebSocketContainer container() {
		WsWebSocketContainer container = new WsWebSocketContainer();
		Integer size = Integer.getInteger("baseline.bufferSize");
		if (size != null) {
			container.setDefaultMaxTextMessageBufferSize(size);
			container.setDefaultMaxBinaryMessageBufferSize(size);
		}
		return container;
	}

	private WebSocketHttpHeaders headers(@Nullable String mediaToken) {
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.add("Authorization", "Bearer " + this.apiKey);
		headers.add("Telcoflow-Connector", this.connectorUuid);
		if (mediaToken != null) {
			headers.add("Telcoflow-Media-Token", mediaToken);
		}
		return headers;
	}

	private final class Control extends AbstractWebSocketHandler {

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
			JsonNode node = json.readTree(message.getPayload());
			String type = node.path("type").asString();
			if ("session.welcome".equals(type)) {
				synchronized (session) {
					session.sendMessage(new TextMessage("{\"type\":\"session.ready\",\"sample_rate\":24000,\"max_calls\":0}"));
				}
			}
			else if ("call.incoming".equals(type)) {
				Instant offeredAt = Instant.parse(node.path("offered_at").asString());
				BaselineEchoClient.this.client.execute(new Media(offeredAt), headers(node.path("media_token").asString()),
						URI.create(node.path("media_url").asString()));
			}
		}

	}

	private final class Media extends AbstractWebSocketHandler {

		private final Instant offeredAt;

		private final ArrayDeque<byte[]> echo = new ArrayDeque<>();

		Media(Instant offeredAt) {
			this.offeredAt = offeredAt;
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			if (tcpNoDelay) {
				TcpNoDelay.apply(session);
			}
		}

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
			JsonNode node = json.readTree(message.getPayload());
			String type = node.path("type").asString();
			if ("audio.pull".equals(type)) {
				byte[] frame;
				synchronized (this.echo) {
					frame = this.echo.poll();
				}
				if (frame != null) {
					send(session, new BinaryMessage(frame));
				}
			}
			else if ("media.started".equals(type)) {
				BaselineEchoClient.this.dispatch.entered(this.offeredAt);
				send(session, new TextMessage("{\"type\":\"command\",\"id\":\"a\",\"name\":\"answer\"}"));
			}
			else if ("call.terminated".equals(type)) {
				session.close(CloseStatus.NORMAL);
			}
		}

		@Override
		protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
			ByteBuffer payload = message.getPayload();
			byte[] frame = new byte[payload.remaining()];
			payload.get(frame);
			synchronized (this.echo) {
				this.echo.add(frame);
			}
		}

		private void send(WebSocketSession session, org.springframework.web.socket.WebSocketMessage<?> message)
				throws IOException {
			synchronized (session) {
				session.sendMessage(message);
			}
		}

	}

}
