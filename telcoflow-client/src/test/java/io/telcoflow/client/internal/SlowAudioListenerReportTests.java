package io.telcoflow.client.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An audio listener slower than a frame is reported with how much of the time was its own work, so
 * that a listener that waited (for a lock, or for a CPU on a starved machine) is not blamed for
 * computing; the reports are rate-limited across calls.
 */
class SlowAudioListenerReportTests {

	private final SimulatorFixture fixture = new SimulatorFixture();

	private final Logger logger = (Logger) LoggerFactory.getLogger(MediaChannel.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	@BeforeEach
	void capture() {
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void close() {
		this.logger.detachAppender(this.appender);
		this.fixture.close();
	}

	@Test
	void listenerThatWaitedIsNotBlamedForComputing() throws Exception {
		// like a listener that only called sendAudio while the machine's CPUs were busy elsewhere:
		// its time passes without its own work
		AtomicInteger frames = slowFirstFrame(() -> sleep(Duration.ofMillis(60)), 1);
		await().until(() -> frames.get() >= 2);
		assertThat(slowListenerWarnings()).singleElement()
			.satisfies((message) -> assertThat(message).contains("used only", "blocked", "waiting for a CPU")
				.doesNotContain("computing", "hand slow work"));
	}

	@Test
	void listenerThatComputedIsToldToHandItsWorkToAnotherThread() throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		AtomicInteger frames = slowFirstFrame(() -> {
			// at least 40 ms of this thread's own CPU time, however long that takes on a busy machine
			long until = threads.getCurrentThreadCpuTime() + 40_000_000;
			while (threads.getCurrentThreadCpuTime() < until) {
				Thread.onSpinWait();
			}
		}, 1);
		await().until(() -> frames.get() >= 2);
		assertThat(slowListenerWarnings()).singleElement()
			.satisfies((message) -> assertThat(message).contains("of it computing", "hand slow work to another thread"));
	}

	@Test
	void slowListenersOfManyCallsAreReportedOnceInTheInterval() throws Exception {
		long start = System.nanoTime();
		AtomicInteger frames = slowFirstFrame(() -> sleep(Duration.ofMillis(60)), 3);
		// each call's listener got a frame after its slow one: every report that was to come has come
		await().until(() -> frames.get() >= 6);
		long intervals = Duration.ofNanos(System.nanoTime() - start).dividedBy(ReportLimiter.INTERVAL);
		// the first, then one per interval at most (usually all three fall into the first)
		assertThat(slowListenerWarnings()).isNotEmpty().hasSizeLessThanOrEqualTo(1 + (int) intervals);
	}

	/**
	 * Places calls whose audio listener runs {@code slowWork} on its first frame only.
	 * @return how many frames the listeners got, once past their slow one (counted per call from
	 * the second frame on, and each call's first return counted too)
	 */
	private AtomicInteger slowFirstFrame(Runnable slowWork, int calls) throws InterruptedException {
		AtomicInteger framesAfterTheSlowOne = new AtomicInteger();
		BlockingQueue<ActiveCall> offered = this.fixture.readyClient(this.fixture.config().build(),
				new RecordingClientListener(), (call) -> {
					AtomicInteger seen = new AtomicInteger();
					call.setAudioListener((pcm) -> {
						int frame = seen.incrementAndGet();
						if (frame == 1) {
							slowWork.run();
						}
						else if (frame <= 3) {
							// the frame after the slow one proves the report of the slow one was made
							framesAfterTheSlowOne.incrementAndGet();
						}
					});
					call.answer();
				});
		for (int i = 0; i < calls; i++) {
			this.fixture.simulator
				.placeCall(CallScript.builder().callerAudio(CallerAudio.tone(440, Duration.ofSeconds(30))).build());
			SimulatorFixture.take(offered);
		}
		return framesAfterTheSlowOne;
	}

	private List<String> slowListenerWarnings() {
		List<ILoggingEvent> events;
		synchronized (this.appender) { // appenders add under their own lock, from the reader threads
			events = List.copyOf(this.appender.list);
		}
		return events.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage)
			.filter((message) -> message.contains("audio listener"))
			.toList();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
