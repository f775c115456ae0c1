package io.telcoflow.client.reliability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credentials on the upgrade requests (the API key and each call's media token) are sent, but
 * never logged, even with the WebSocket stack (Reactor Netty, Netty) and the SDK at TRACE.
 */
class SecretHeadersTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String API_KEY = "tf-live-9c1e2b7a55d0";

	private final Logger springWebSocket = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	private final TelcoflowSimulator simulator = TelcoflowSimulator.builder()
		.apiKey(API_KEY, TelcoflowSimulator.DEFAULT_CONNECTOR_UUID)
		.build()
		.start();

	private Level level;

	@BeforeEach
	void logAtTrace() {
		this.level = this.springWebSocket.getLevel();
		this.springWebSocket.setLevel(Level.TRACE);
		this.logged.start();
		this.springWebSocket.addAppender(this.logged);
	}

	@AfterEach
	void restore() {
		this.springWebSocket.detachAppender(this.logged);
		this.springWebSocket.setLevel(this.level);
		this.simulator.close();
	}

	@Test
	void apiKeyAndMediaTokenAreSentButNeverLogged() throws Exception {
		BlockingQueue<ActiveCall> calls = new LinkedBlockingQueue<>();
		try (TelcoflowClient client = TelcoflowClient.create(TelcoflowConfig.builder()
			.url(this.simulator.url())
			.apiKey(API_KEY, TelcoflowSimulator.DEFAULT_CONNECTOR_UUID)
			.build())) {
			client.onIncomingCall((call) -> {
				call.answer();
				calls.add(call);
			});
			client.connect();
			client.ready();
			SimulatedCall call = this.simulator.placeCall(CallScript.defaults());
			assertThat(calls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
			List<String> messages = logged().stream().map(SecretHeadersTests::text).toList();
			// the stack did log the handshakes (of the control and the media connection)
			assertThat(messages).filteredOn((message) -> message.contains("websocket handshake with"))
				.hasSizeGreaterThanOrEqualTo(2);
			assertThat(messages).allSatisfy(
					(message) -> assertThat(message).doesNotContain(API_KEY).doesNotContain(call.mediaToken()));
		}
	}

	private static String text(ILoggingEvent event) {
		StringBuilder text = new StringBuilder(event.getFormattedMessage());
		for (ch.qos.logback.classic.spi.IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
			text.append(' ').append(cause.getMessage());
		}
		return text.toString();
	}

	/** What was logged so far: appenders add under their own lock, from the stack's threads. */
	private List<ILoggingEvent> logged() {
		synchronized (this.logged) {
			return List.copyOf(this.logged.list);
		}
	}

}
