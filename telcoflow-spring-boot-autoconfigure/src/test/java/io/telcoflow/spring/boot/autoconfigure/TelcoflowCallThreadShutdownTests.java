package io.telcoflow.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.test.SimulatorApplications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A handler that ignores the end of its call cannot keep the JVM alive once the context has
 * closed: its thread is interrupted and is a daemon, whichever executor runs the handlers.
 */
class TelcoflowCallThreadShutdownTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@AfterEach
	void releaseHandler() {
		StubbornHandler.release.countDown();
	}

	@Test
	void handlerThreadIsInterruptedAndDaemonAfterCloseWithoutCallLimit() throws Exception {
		assertHandlerThreadCannotOutliveTheContext("telcoflow.max-concurrent-calls=0");
	}

	@Test
	void handlerThreadIsInterruptedAndDaemonAfterCloseWithPooledThreads() throws Exception {
		assertHandlerThreadCannotOutliveTheContext("telcoflow.max-concurrent-calls=5");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void handlerThreadIsInterruptedAndDaemonAfterCloseWithVirtualThreads() throws Exception {
		assertHandlerThreadCannotOutliveTheContext("spring.threads.virtual.enabled=true");
	}

	private void assertHandlerThreadCannotOutliveTheContext(String threading) throws Exception {
		StubbornHandler.reset();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.properties(SimulatorApplications.connectionProperties(simulator))
			.properties(threading, "telcoflow.shutdown.drain-timeout=100ms", "telcoflow.shutdown.end-timeout=2s")
			.run();
		try {
			simulator.awaitReadySessions(1, TIMEOUT);
			SimulatedCall call = simulator.placeCall(CallScript.defaults());
			call.awaitState("ANSWERED", TIMEOUT);
			await().atMost(TIMEOUT).until(() -> StubbornHandler.thread.get() != null);
		}
		finally {
			context.close();
		}
		Thread handlerThread = StubbornHandler.thread.get();
		// close() returned: the handler ignored its call's end and is still running
		assertThat(handlerThread.isAlive()).isTrue();
		assertThat(StubbornHandler.interrupted.await(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
			.as("the handler thread was interrupted when the context closed")
			.isTrue();
		assertThat(handlerThread.isDaemon()).as("the handler thread is a daemon").isTrue();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(StubbornHandler.class)
	static class TestApplication {

	}

	static class StubbornHandler {

		static final AtomicReference<Thread> thread = new AtomicReference<>();

		static volatile CountDownLatch interrupted = new CountDownLatch(1);

		static volatile CountDownLatch release = new CountDownLatch(1);

		static void reset() {
			thread.set(null);
			interrupted = new CountDownLatch(1);
			release = new CountDownLatch(1);
		}

		@OnIncomingCall
		void ignoreTheEndOfTheCall(ActiveCall call) {
			call.answer();
			thread.set(Thread.currentThread());
			CountDownLatch myRelease = release;
			while (myRelease.getCount() > 0) {
				try {
					myRelease.await();
				}
				catch (InterruptedException ex) {
					// noted, and ignored
					interrupted.countDown();
				}
			}
		}

	}

}
