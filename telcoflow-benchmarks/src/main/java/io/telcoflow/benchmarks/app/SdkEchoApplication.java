package io.telcoflow.benchmarks.app;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.audio.AudioStream;
import io.telcoflow.spring.annotation.OnIncomingCall;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The application under test: a Spring Boot application whose {@code @OnIncomingCall} handler
 * answers and sends every inbound chunk straight back. Started by the harness with
 * {@code --telcoflow.url=...}, the simulator's credentials and {@code --bench.echo=stream} (the
 * handler's thread reads {@code audioStream()}, the usual style), {@code --bench.echo=live} (the same
 * with {@code limitDelay(20 ms)}) or {@code --bench.echo=listener}
 * (an {@code AudioListener} echoes on the media reader thread and the handler returns).
 */
@SpringBootApplication
public class SdkEchoApplication {

	static final DispatchRecorder dispatch = new DispatchRecorder();

	/**
	 * Starts the application.
	 * @param args Spring Boot arguments ({@code --telcoflow.url=...})
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SdkEchoApplication.class);
		application.setDefaultProperties(Map.of("telcoflow.max-concurrent-calls", "0",
				"management.metrics.distribution.percentiles.telcoflow.handler.dispatch", "0.5,0.99",
				"telcoflow.voice-agent.enabled", "false", "spring.main.banner-mode", "off"));
		ConfigurableApplicationContext context = application.run(args);
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		ProcessProbe.start(dispatch, () -> ProcessProbe.describe(registry.find("telcoflow.handler.dispatch").timer()));
	}

	/**
	 * The echo handler.
	 */
	@Component
	public static class EchoHandler {

		private final boolean listener;

		private final boolean live;

		/**
		 * Creates the handler.
		 * @param echo {@code stream} or {@code listener}
		 */
		public EchoHandler(@Value("${bench.echo:stream}") String echo) {
			this.listener = "listener".equals(echo);
			this.live = "live".equals(echo);
		}

		/**
		 * Answers, then echoes every chunk until the call ends.
		 * @param call the call
		 */
		@OnIncomingCall
		public void echo(ActiveCall call) {
			dispatch.entered(call.getOfferedAt());
			if (this.listener) {
				call.setAudioListener(call::sendAudio);
				call.answer();
				return;
			}
			call.answer();
			AudioStream audio = this.live ? call.audioStream().limitDelay(Duration.ofMillis(20)) : call.audioStream();
			for (byte[] chunk : audio) {
				call.sendAudio(chunk);
			}
		}

	}

}
