package io.telcoflow.benchmarks.stacks;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.telcoflow.simulator.SimulatorTls;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.adapter.AbstractWebSocketSession;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * Spring WebFlux's {@link ReactorNettyWebSocketClient} on Reactor Netty's default event loops. The
 * echo is written with {@code channel.writeAndFlush} from the application's thread: Netty queues it
 * to the channel's event loop, which does the write (the lead's working design).
 */
final class ReactorNettyStack implements EchoStack {

	private final ReactorNettyWebSocketClient client;

	ReactorNettyStack(boolean secure) {
		HttpClient httpClient = HttpClient.create();
		if (secure) {
			SslContext ssl = sslContext();
			httpClient = httpClient.secure((spec) -> spec.sslContext(ssl));
		}
		this.client = new ReactorNettyWebSocketClient(httpClient);
	}

	private static SslContext sslContext() {
		try {
			// the JDK's TLS engine, as for every other stack (no netty-tcnative on the class path)
			return SslContextBuilder.forClient().trustManager(SimulatorTls.testCaCertificatePem().toFile()).build();
		}
		catch (javax.net.ssl.SSLException ex) {
			throw new IllegalStateException("Cannot build Netty's client SslContext", ex);
		}
	}

	@Override
	public CompletableFuture<EchoConnection> open(URI uri, EchoEvents events) {
		CompletableFuture<EchoConnection> opened = new CompletableFuture<>();
		this.client.execute(uri, (session) -> handle(session, events, opened))
			.subscribe(null, (failure) -> {
				opened.completeExceptionally(failure);
				events.closed();
			}, events::closed);
		return opened;
	}

	private Mono<Void> handle(WebSocketSession session, EchoEvents events, CompletableFuture<EchoConnection> opened) {
		AtomicReference<@Nullable Channel> channel = new AtomicReference<>();
		delegate(session).getInbound().withConnection((connection) -> channel.set(connection.channel()));
		Channel nettyChannel = channel.get();
		if (nettyChannel == null) {
			opened.completeExceptionally(new IllegalStateException("No Netty channel behind the session"));
			return session.close();
		}
		Connection connection = new Connection(nettyChannel);
		opened.complete(connection);
		return session.receive().doOnNext((message) -> {
			DataBuffer payload = message.getPayload();
			if (message.getType() == WebSocketMessage.Type.BINARY) {
				byte[] copy = new byte[payload.readableByteCount()];
				payload.read(copy);
				events.binary(connection, copy);
			}
			else if (message.getType() == WebSocketMessage.Type.TEXT) {
				events.text(payload.toString(StandardCharsets.UTF_8));
			}
		}).then();
	}

	/**
	 * WebFlux keeps the Reactor Netty connection behind a protected getter; a benchmark may reach
	 * it by reflection (an SDK would use Reactor Netty's own {@code HttpClient.websocket()} API, which
	 * hands out the connection, or {@code WebSocketSession.send} with a sink).
	 */
	private static ReactorNettyWebSocketSession.WebSocketConnection delegate(WebSocketSession session) {
		try {
			Method getDelegate = AbstractWebSocketSession.class.getDeclaredMethod("getDelegate");
			getDelegate.setAccessible(true);
			return (ReactorNettyWebSocketSession.WebSocketConnection) getDelegate.invoke(session);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot reach the Reactor Netty connection of " + session, ex);
		}
	}

	@Override
	public void close() {
		// Reactor Netty's default event loops are daemon threads: the process ends without them
	}

	private record Connection(Channel channel) implements EchoConnection {

		@Override
		public void send(byte[] payload) {
			this.channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload)));
		}

		@Override
		public void close() {
			this.channel.writeAndFlush(new CloseWebSocketFrame(1000, ""));
		}

	}

}
