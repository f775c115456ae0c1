package io.telcoflow.benchmarks.stacks;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * The stacks under comparison, by the names the harness's {@code --stacks} option takes. The first
 * is the baseline of every ratio.
 */
enum StackKind {

	/** Spring's StandardWebSocketClient on Tomcat's WsWebSocketContainer: what the SDK uses today. */
	TOMCAT("tomcat", "Spring Standard + Tomcat"),

	/** Spring's StandardWebSocketClient on Jetty 12's Jakarta client container, bounded pool. */
	JETTY("jetty", "Spring Standard + Jetty 12"),

	/** Spring WebFlux's ReactorNettyWebSocketClient. */
	REACTOR_NETTY("netty", "Spring WebFlux + Reactor Netty"),

	/** The JDK's java.net.http.WebSocket. */
	JDK("jdk", "JDK java.net.http");

	private final String id;

	private final String label;

	StackKind(String id, String label) {
		this.id = id;
		this.label = label;
	}

	String id() {
		return this.id;
	}

	String label() {
		return this.label;
	}

	EchoStack create(@Nullable SSLContext ssl, ExecutorService writers) {
		return switch (this) {
			case TOMCAT -> StandardStack.tomcat(ssl, writers);
			case JETTY -> StandardStack.jetty(ssl, writers);
			case REACTOR_NETTY -> new ReactorNettyStack(ssl != null);
			case JDK -> new JdkStack(ssl, writers);
		};
	}

	static StackKind of(String id) {
		return Arrays.stream(values())
			.filter((kind) -> kind.id.equals(id.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown stack '" + id + "', expected one of "
					+ Arrays.stream(values()).map(StackKind::id).toList()));
	}

}
