package io.telcoflow.spring.reliability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.WssMediaException;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

import static io.telcoflow.spring.reliability.ReliabilityApplications.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call's media connection lost: resumed (within the 5 s window, also after refused attempts), or,
 * when it cannot be resumed, the call ends and its handler gets a {@link WssMediaException} from
 * the audio iterator. Another call is not affected either way.
 */
class MediaFaultTests {

	@RegisterExtension
	static final RunningApplication application = new RunningApplication(TestApplication.class);

	private static final TelcoflowSimulator simulator = application.simulator();

	@Test
	void lostMediaIsResumedAndTheCallGoesOn() {
		SimulatedCall lost = answeredCall();
		SimulatedCall other = answeredCall();
		simulator.faults().dropMediaConnection(lost.callId());
		awaitResumedAndEchoing(lost);
		assertUnaffected(other);
		assertThat(Echo.failures).doesNotContainKey(lost.callId());
	}

	@Test
	void lostMediaIsResumedAfterRefusedAttempts() {
		SimulatedCall lost = answeredCall();
		simulator.faults().refuseNextMediaConnections(2, 503);
		simulator.faults().dropMediaConnection(lost.callId());
		awaitResumedAndEchoing(lost);
		assertThat(Echo.failures).doesNotContainKey(lost.callId());
	}

	@Test
	void mediaThatCannotBeResumedEndsOnlyItsCallWithMediaExceptionToTheHandler() {
		SimulatedCall lost = answeredCall();
		SimulatedCall other = answeredCall();
		simulator.faults().refuseMediaResume(lost.callId());
		simulator.faults().dropMediaConnection(lost.callId());
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(Echo.failures).extractingByKey(lost.callId())
				.isInstanceOf(WssMediaException.class));
		assertThat(lost.awaitEnded(WAIT)).isEqualTo("error");
		assertUnaffected(other);
	}

	private static SimulatedCall answeredCall() {
		SimulatedCall call = simulator.placeCall(ReliabilityApplications.talkingCaller());
		call.awaitState("ANSWERED", WAIT);
		await().atMost(WAIT).until(() -> call.record().agentAudioBytes() > 0);
		return call;
	}

	private static void awaitResumedAndEchoing(SimulatedCall call) {
		await().atMost(WAIT).until(() -> call.record().mediaConnections() == 2 && call.isMediaOpen());
		long echoed = call.record().agentAudioBytes();
		await().atMost(WAIT).until(() -> call.record().agentAudioBytes() > echoed);
		assertThat(call.isEnded()).isFalse();
	}

	private static void assertUnaffected(SimulatedCall call) {
		long echoed = call.record().agentAudioBytes();
		await().atMost(WAIT).until(() -> call.record().agentAudioBytes() > echoed);
		assertThat(call.isEnded()).isFalse();
		assertThat(call.record().mediaConnections()).isOne();
		assertThat(Echo.failures).doesNotContainKey(call.callId());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Echo.class)
	static class TestApplication {

	}

	static class Echo {

		/** What ended each handler's audio loop, other than the end of its call. */
		static final Map<String, Throwable> failures = new ConcurrentHashMap<>();

		private static void echo(ActiveCall call, byte[] chunk) {
			try {
				call.sendAudio(chunk);
			}
			catch (BufferClosedException ex) {
				// the call ended between a chunk and its echo: the audio iterator says how
			}
		}

		@OnIncomingCall
		void echo(ActiveCall call) {
			call.answer();
			try {
				for (byte[] chunk : call.audioStream()) {
					echo(call, chunk);
				}
			}
			catch (RuntimeException ex) {
				failures.put(call.getCallId(), ex);
			}
		}

	}

}
