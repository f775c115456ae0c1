package io.telcoflow.benchmarks.app;

import java.lang.reflect.Field;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousSocketChannel;

import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * An experiment, not a recommendation: Tomcat's WebSocket client neither sets
 * {@code TCP_NODELAY} nor offers a way to, and writes a frame's header and payload in two writes,
 * so Nagle's algorithm holds each payload until the server acknowledges the header. This reaches
 * through Tomcat's private fields (plain ws:// only) to set the option, to measure what that wait
 * costs.
 */
final class TcpNoDelay {

	private TcpNoDelay() {
	}

	static void apply(WebSocketSession session) {
		try {
			Object wsSession = ((NativeWebSocketSession) session).getNativeSession();
			Object remote = field(wsSession, "wsRemoteEndpoint");
			Object wrapper = field(remote, "channel");
			AsynchronousSocketChannel channel = (AsynchronousSocketChannel) field(wrapper, "socketChannel");
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
		}
		catch (ReflectiveOperationException | ClassCastException | java.io.IOException ex) {
			throw new IllegalStateException("Cannot set TCP_NODELAY on Tomcat's client channel", ex);
		}
	}

	private static Object field(Object target, String name) throws ReflectiveOperationException {
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
		throw new NoSuchFieldException(name);
	}

}
