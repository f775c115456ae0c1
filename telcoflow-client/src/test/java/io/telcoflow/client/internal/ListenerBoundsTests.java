package io.telcoflow.client.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.DtmfEvent;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A stuck listener costs bounded memory: its events past the bound are dropped and counted, and
 * repeated error reports are held back.
 */
class ListenerBoundsTests {

	private final SimulatorFixture fixture = new SimulatorFixture();

	private final RecordingClientListener clientListener = new RecordingClientListener();

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void close() {
		this.release.countDown();
		this.fixture.close();
	}

	@Test
	void stuckCallListenerLosesEventsPastItsBoundCountedAndStillHearsTheEnd() throws Exception {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), this.clientListener,
				(call) -> {
				});
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		ActiveCall call = SimulatorFixture.take(calls);
		RecordingCallListener stuck = new RecordingCallListener() {
			@Override
			public void onDtmf(ActiveCall call, DtmfEvent dtmf) {
				super.onDtmf(call, dtmf);
				awaitRelease();
			}
		};
		call.addListener(stuck);
		simulated.pressDigit('1');
		await().until(() -> stuck.dtmf.size() == 1);
		// the listener is stuck in the first: the bound's worth waits, the rest is dropped
		int pressed = SerialExecutor.CALL_CAPACITY + 100;
		for (int i = 0; i < pressed; i++) {
			simulated.pressDigit((char) ('0' + (i % 10)));
		}
		long dropped = pressed - SerialExecutor.CALL_CAPACITY;
		await().until(() -> this.fixture.lastClient().getDroppedEvents() == dropped);
		simulated.hangUp();
		call.terminationFuture().get(SimulatorFixture.WAIT.toMillis(), TimeUnit.MILLISECONDS);
		this.release.countDown();
		await().untilAsserted(() -> assertThat(stuck.events).last().isEqualTo("terminated:CALLER_HANGUP"));
		assertThat(stuck.dtmf).hasSize(1 + SerialExecutor.CALL_CAPACITY);
		assertThat(this.fixture.lastClient().getDroppedEvents()).isEqualTo(dropped);
	}

	@Test
	void repeatedBufferFullIsReportedOnceAndTheRestCountedButEverySendStillThrows() throws Exception {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(
				this.fixture.config().outgoingBufferSize(4000).build(), this.clientListener, (call) -> {
				});
		this.fixture.simulator.placeCall(CallScript.defaults());
		ActiveCall call = SimulatorFixture.take(calls);
		for (int i = 0; i < 100; i++) {
			assertThatExceptionOfType(BufferFullException.class).isThrownBy(() -> call.sendAudio(new byte[4002]));
		}
		TelcoflowClient client = this.fixture.lastClient();
		SimulatorFixture.awaitEventsDelivered(client);
		assertThat(this.clientListener.errorsOfType(BufferFullException.class)).isEqualTo(1);
		assertThat(client.getDroppedEvents()).isEqualTo(99);
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
