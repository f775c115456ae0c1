package io.telcoflow.spring.boot.autoconfigure.observation;

import java.time.Duration;
import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleTracer;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.test.SimulatorApplications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The per-call observation is the parent of what a handler traces: a span the handler starts on
 * its thread is a child of the call's span, in the same trace.
 */
@SpringBootTest(classes = TelcoflowCallTracingIntegrationTests.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TelcoflowCallTracingIntegrationTests {

	private static final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	private SimpleTracer tracer;

	@DynamicPropertySource
	static void telcoflowProperties(DynamicPropertyRegistry registry) {
		SimulatorApplications.register(registry, simulator);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void spanStartedInTheHandlerIsAChildOfTheCallsSpan() {
		simulator.awaitReadySessions(1, TIMEOUT);
		SimulatedCall call = simulator.placeCall(CallScript.builder().build());
		assertThat(call.awaitEnded(TIMEOUT)).isNotNull();
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(spanNamed("telcoflow call")).isNotNull());
		FinishedSpan callSpan = spanNamed("telcoflow call");
		FinishedSpan handlerSpan = spanNamed("speech.synthesis");
		assertThat(handlerSpan).isNotNull();
		assertThat(handlerSpan.getTraceId()).isEqualTo(callSpan.getTraceId());
		assertThat(handlerSpan.getParentId()).isEqualTo(callSpan.getSpanId());
		assertThat(callSpan.getTags()).containsEntry("call.id", call.callId())
			.containsEntry("handler", "handlers.answer");
	}

	private FinishedSpan spanNamed(String name) {
		List<FinishedSpan> spans = this.tracer.getSpans()
			.stream()
			.map(FinishedSpan.class::cast)
			.filter((span) -> name.equals(span.getName()) && span.getEndTimestamp() != null)
			.toList();
		return spans.isEmpty() ? null : spans.get(0);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		SimpleTracer tracer() {
			return new SimpleTracer();
		}

		@Bean
		DefaultTracingObservationHandler tracingObservationHandler(Tracer tracer) {
			return new DefaultTracingObservationHandler(tracer);
		}

		@Bean
		Handlers handlers(Tracer tracer) {
			return new Handlers(tracer);
		}

	}

	static class Handlers {

		private final Tracer tracer;

		Handlers(Tracer tracer) {
			this.tracer = tracer;
		}

		@OnIncomingCall
		void answer(ActiveCall call) {
			// as an HTTP client's instrumentation would, from the handler's thread
			Span span = this.tracer.nextSpan().name("speech.synthesis").start();
			span.end();
			call.answer();
			call.disconnect();
		}

	}

}
