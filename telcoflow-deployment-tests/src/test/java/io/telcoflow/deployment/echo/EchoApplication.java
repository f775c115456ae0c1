package io.telcoflow.deployment.echo;

import java.util.concurrent.atomic.AtomicInteger;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.spring.annotation.OnIncomingCall;
import jakarta.annotation.PreDestroy;
import sun.misc.Signal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One instance of the scaled-out application: answers every call and echoes the caller's audio
 * from an audio listener (each inbound frame is written back as it arrives). Started by
 * {@code EchoProcess} in a JVM of its own with the simulator's URL and credentials.
 * <p>
 * It prints two lines for the test: {@code ECHO-PORT n} (the HTTP port of Actuator) once the web
 * server listens, and {@code ECHO-SUMMARY calls=n peak=m} when the context closes.
 */
@SpringBootApplication
public class EchoApplication {

	/**
	 * Starts an instance.
	 * @param args Spring Boot arguments ({@code --telcoflow.url=...})
	 */
	public static void main(String[] args) {
		exitWithZeroOnSigterm();
		SpringApplication.run(EchoApplication.class, args);
	}

	/**
	 * A JVM stopped by SIGTERM exits with 143 even after a clean shutdown. This one runs the same
	 * shutdown (Spring Boot's hook: readiness down, pause, drain) through {@code System.exit(0)}, so
	 * that 0 means "drained and stopped by itself" and anything else (a crash, a forced kill) shows.
	 */
	private static void exitWithZeroOnSigterm() {
		Signal.handle(new Signal("TERM"), (signal) -> new Thread(() -> System.exit(0), "sigterm-exit").start());
	}

	/**
	 * The echo, and the counts the test reads.
	 */
	@Component
	static class Echo {

		private final AtomicInteger calls = new AtomicInteger();

		private final AtomicInteger live = new AtomicInteger();

		private final AtomicInteger peak = new AtomicInteger();

		@OnIncomingCall
		void echo(ActiveCall call) {
			this.calls.incrementAndGet();
			this.peak.accumulateAndGet(this.live.incrementAndGet(), Math::max);
			call.terminationFuture().whenComplete((reason, ex) -> this.live.decrementAndGet());
			call.setAudioListener(call::sendAudio);
			call.answer();
		}

		@EventListener
		void webServerStarted(WebServerInitializedEvent event) {
			System.out.println("ECHO-PORT " + event.getWebServer().getPort());
		}

		@PreDestroy
		void summary() {
			System.out.println("ECHO-SUMMARY calls=" + this.calls.get() + " peak=" + this.peak.get());
		}

	}

}
