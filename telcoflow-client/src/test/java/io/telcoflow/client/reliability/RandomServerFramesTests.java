package io.telcoflow.client.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ReconnectBackoff;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatorFaults;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Random and hostile frames from a live server, through the simulator's raw-frame faults: a call
 * whose media connection receives them keeps its connection (nothing throws out of the reader,
 * which would close it), and another call on the same client is not affected at all. Each
 * repetition uses a new seed, printed on failure, to replay with {@link RandomFrames}.
 */
class RandomServerFramesTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** The one frame that legitimately ends the call that receives it. */
	private static final List<String> ENDS_THE_CALL = List.of("call.terminated");

	private final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	private final Map<String, ActiveCall> calls = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> handlerRuns = new ConcurrentHashMap<>();

	private final AtomicInteger protocolErrors = new AtomicInteger();

	private final AtomicInteger reconnects = new AtomicInteger();

	private TelcoflowClient client;

	@BeforeEach
	void connect() {
		TelcoflowConfig config = TelcoflowConfig.builder()
			.url(this.simulator.url())
			.apiKey(this.simulator.apiKey(), this.simulator.connectorUuid())
			.commandTimeout(Duration.ofSeconds(2))
			.reconnectBackoff(new ReconnectBackoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(500)))
			.build();
		this.client = TelcoflowClient.builder(config).listener(new TelcoflowClientListener() {

			@Override
			public void onProtocolError(@Nullable ActiveCall call, String description) {
				RandomServerFramesTests.this.protocolErrors.incrementAndGet();
			}

			@Override
			public void onReconnectScheduled(int attempt, Duration delay) {
				RandomServerFramesTests.this.reconnects.incrementAndGet();
			}

		}).build();
		this.client.onIncomingCall((call) -> {
			this.handlerRuns.computeIfAbsent(call.getCallId(), (id) -> new AtomicInteger()).incrementAndGet();
			this.calls.put(call.getCallId(), call);
			call.answer();
		});
		this.client.connect();
		this.client.ready();
		this.simulator.awaitReadySessions(1, WAIT);
	}

	@AfterEach
	void close() {
		this.client.close();
		this.simulator.close();
	}

	@RepeatedTest(3)
	void randomFramesOnOneCallsMediaNeverEndItOrAnotherCall() {
		long seed = ThreadLocalRandom.current().nextLong();
		RandomFrames frames = new RandomFrames(seed);
		SimulatedCall target = answeredCall();
		SimulatedCall bystander = answeredCall();
		SimulatorFaults faults = this.simulator.faults();
		for (int i = 0; i < 150; i++) {
			if (i % 3 == 0) {
				faults.sendMediaBinary(target.callId(), frames.binary());
			}
			else {
				faults.sendMediaText(target.callId(), frames.text(ENDS_THE_CALL));
			}
		}
		await().atMost(WAIT).until(() -> this.protocolErrors.get() > 0);
		assertUnharmed(target, "seed " + seed);
		assertUnharmed(bystander, "seed " + seed);
		assertPlaysAudio(bystander, "seed " + seed);
	}

	@RepeatedTest(2)
	void randomControlFramesNeverEndALiveCall() {
		long seed = ThreadLocalRandom.current().nextLong();
		RandomFrames frames = new RandomFrames(seed);
		SimulatedCall live = answeredCall();
		for (int i = 0; i < 100; i++) {
			this.simulator.faults().sendControlText(frames.text(List.of("session.draining")));
		}
		await().atMost(WAIT).until(() -> this.protocolErrors.get() > 0);
		assertUnharmed(live, "seed " + seed);
		assertPlaysAudio(live, "seed " + seed);
	}

	@Test
	void duplicateOfferAndMediaStartedForAnotherCallChangeNothing() {
		SimulatedCall first = answeredCall();
		SimulatedCall second = answeredCall();
		this.simulator.faults()
			.sendControlText("{\"type\":\"call.incoming\",\"call_id\":\"" + second.callId() + "\",\"media_url\":\""
					+ second.mediaPath() + "\",\"media_token\":\"" + second.mediaToken() + "\"}");
		this.simulator.faults()
			.sendMediaText(first.callId(), "{\"type\":\"media.started\",\"call_id\":\"" + second.callId()
					+ "\",\"state\":\"ANSWERED\",\"sample_rate\":24000,\"frame_ms\":20}");
		assertPlaysAudio(first, "first");
		assertPlaysAudio(second, "second");
		assertUnharmed(first, "first");
		assertUnharmed(second, "second");
		assertThat(this.handlerRuns.get(second.callId())).hasValue(1);
		assertThat(this.client.getActiveCalls()).hasSize(2);
	}

	@Test
	void hostileNumbersAreDroppedAndEveryConnectionKept() {
		SimulatedCall live = answeredCall();
		List<String> control = List.of("{\"type\":\"session.welcome\",\"heartbeat_interval_ms\":0}",
				"{\"type\":\"session.welcome\",\"heartbeat_interval_ms\":-15000}",
				"{\"type\":\"session.welcome\",\"heartbeat_interval_ms\":123456789012345678901234567890}",
				"{\"type\":\"session.draining\",\"reconnect_after_ms\":123456789012345678901234567890}");
		List<String> media = List.of("{\"type\":\"audio.pull\",\"bytes\":123456789012345678901234567890}",
				"{\"type\":\"audio.pull\",\"bytes\":2147483647}",
				"{\"type\":\"media.started\",\"call_id\":\"x\",\"state\":\"ANSWERED\",\"sample_rate\":-1}",
				"{\"type\":\"call.dtmf\",\"digit\":\"5\",\"duration_ms\":99999999999999999999}");
		control.forEach(this.simulator.faults()::sendControlText);
		media.forEach((frame) -> this.simulator.faults().sendMediaText(live.callId(), frame));
		await().atMost(WAIT).until(() -> this.protocolErrors.get() >= control.size() + media.size() - 1);
		assertPlaysAudio(live, "hostile numbers");
		assertUnharmed(live, "hostile numbers");
		assertThat(this.reconnects).as("control reconnects").hasValue(0);
	}

	private SimulatedCall answeredCall() {
		SimulatedCall call = this.simulator.placeCall(
				CallScript.builder().callerAudio(CallerAudio.tone(440, Duration.ofSeconds(30))).build());
		call.awaitState("ANSWERED", WAIT);
		await().atMost(WAIT).until(() -> this.calls.containsKey(call.callId()));
		return call;
	}

	private void assertUnharmed(SimulatedCall simulated, String context) {
		ActiveCall call = this.calls.get(simulated.callId());
		assertThat(call.terminationFuture()).as(context).isNotDone();
		assertThat(simulated.isEnded()).as(context).isFalse();
		assertThat(simulated.record().mediaConnections()).as(context + ": media connections").isEqualTo(1);
	}

	private void assertPlaysAudio(SimulatedCall simulated, String context) {
		ActiveCall call = this.calls.get(simulated.callId());
		long before = simulated.record().agentAudioBytes();
		call.sendAudio(new byte[1920]);
		assertThat(call.awaitPlayback(WAIT)).as(context).isTrue();
		await().atMost(WAIT).untilAsserted(
				() -> assertThat(simulated.record().agentAudioBytes()).as(context).isEqualTo(before + 1920));
	}

}
