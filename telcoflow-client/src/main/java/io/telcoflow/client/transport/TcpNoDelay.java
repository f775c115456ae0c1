package io.telcoflow.client.transport;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.WebSocketSession;

/**
 * Turns Nagle's algorithm off on a connection's socket. Tomcat's WebSocket client writes a
 * frame's header and its payload in two writes and never sets {@code TCP_NODELAY}, so each
 * frame's payload would wait for the peer's (delayed) acknowledgement of the header: about 20 ms
 * on every audio frame. Tomcat offers no setting for it, so the socket is found by reflection
 * along Tomcat 11's structure ({@code WsSession.wsRemoteEndpoint} →
 * {@code WsRemoteEndpointImplClient.channel} → {@code AsyncChannelWrapper(NonSecure|Secure).socketChannel});
 * where the structure differs, it says so once at DEBUG and the connection works as before.
 */
final class TcpNoDelay {

	private static final Logger logger = LoggerFactory.getLogger(TcpNoDelay.class);

	private static final AtomicBoolean reported = new AtomicBoolean();

	private TcpNoDelay() {
	}

	/**
	 * Sets {@code TCP_NODELAY} on the session's socket where it can be found.
	 * @param session the session
	 * @return whether it was set
	 */
	static boolean enable(WebSocketSession session) {
		AsynchronousSocketChannel channel = socketChannel(session);
		if (channel == null) {
			return false;
		}
		try {
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			unavailable("setting it failed: " + ex);
			return false;
		}
	}

	/**
	 * Returns the socket behind a session of Tomcat's WebSocket client.
	 * @param session the session
	 * @return the socket, or {@code null} when it cannot be found
	 */
	static @Nullable AsynchronousSocketChannel socketChannel(WebSocketSession session) {
		try {
			Object nativeSession = (session instanceof NativeWebSocketSession adapter)
					? adapter.getNativeSession() : null;
			Object remote = field(nativeSession, "wsRemoteEndpoint");
			Object wrapper = field(remote, "channel");
			Object channel = field(wrapper, "socketChannel");
			if (channel instanceof AsynchronousSocketChannel socketChannel) {
				return socketChannel;
			}
			unavailable("no socket channel behind " + session.getClass().getName());
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			unavailable(ex.toString());
		}
		return null;
	}

	private static @Nullable Object field(@Nullable Object target, String name) throws ReflectiveOperationException {
		if (target == null) {
			return null;
		}
		for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return field.get(target);
			}
			catch (NoSuchFieldException ex) {
				// look in the superclass
			}
		}
		return null;
	}

	private static void unavailable(String why) {
		if (reported.compareAndSet(false, true)) {
			logger.debug("TCP_NODELAY not set on WebSocket connections (Tomcat's structure differs: {}); "
					+ "frames may wait for delayed acknowledgements", why);
		}
	}

}
