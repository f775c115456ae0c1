package io.telcoflow.client.reliability;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.client.exception.WssException;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server that stops reading one call's media connection (its socket stays open): the client gives
 * that connection up within its write bound and resumes the call on a new one, the other call's
 * audio goes on, and {@code sendAudio} on the stalled call never waits for the socket.
 */
class StalledPeerTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	/** The media write bound of the transport (2 s): a send that waited for the socket takes it. */
	private static final long WRITE_BOUND_NANOS = TimeUnit.SECONDS.toNanos(2);

	private final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	private final TelcoflowClient client = TelcoflowClient.create(TelcoflowConfig.builder()
		.url(this.simulator.url())
		.apiKey(this.simulator.apiKey(), this.simulator.connectorUuid())
		.build());

	private final AtomicLong slowestSendNanos = new AtomicLong();

	private final AtomicLong sends = new AtomicLong();

	@AfterEach
	void close() {
		this.client.close();
		this.simulator.close();
	}

	@Test
	void aPeerThatStopsReadingLosesOnlyItsOwnConnectionAndSendAudioNeverWaits() throws Exception {
		BlockingQueue<ActiveCall> calls = new LinkedBlockingQueue<>();
		this.client.onIncomingCall((call) -> {
			call.answer();
			calls.add(call);
			playUntilTheEnd(call);
		});
		this.client.connect();
		this.client.ready();
		this.simulator.awaitReadySessions(1, WAIT);
		SimulatedCall stalled = this.simulator.placeCall(CallScript.defaults());
		SimulatedCall healthy = this.simulator.placeCall(CallScript.defaults());
		assertThat(calls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
		assertThat(calls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
		await().atMost(WAIT).until(() -> healthy.record().agentAudioBytes() > 0 && stalled.record().agentAudioBytes() > 0);

		this.simulator.faults().stopReadingMedia(stalled.callId());
		// the client's writes pile up in the socket buffers until they cannot go on; past the write
		// bound the connection is given up and the call resumed on a new one (protocol section 4.4)
		await().atMost(WAIT).until(() -> stalled.record().mediaConnections() >= 2);
		long healthyBytes = healthy.record().agentAudioBytes();
		await().atMost(WAIT).until(() -> healthy.record().agentAudioBytes() > healthyBytes + 48_000);
		assertThat(healthy.record().mediaConnections()).as("the other call's media connections").isEqualTo(1);
		assertThat(healthy.isEnded()).isFalse();
		assertThat(this.sends).hasValueGreaterThan(100);
		assertThat(this.slowestSendNanos.get()).as("slowest sendAudio (ns)").isLessThan(WRITE_BOUND_NANOS);
	}

	/** Keeps the call's outgoing buffer full, timing every sendAudio. */
	private void playUntilTheEnd(ActiveCall call) {
		byte[] frame = new byte[960];
		while (!call.terminationFuture().isDone()) {
			long start = System.nanoTime();
			try {
				call.sendAudio(frame);
				this.sends.incrementAndGet();
			}
			catch (BufferFullException ex) {
				sleep();
			}
			catch (WssException ex) {
				return;
			}
			finally {
				this.slowestSendNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
			}
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
