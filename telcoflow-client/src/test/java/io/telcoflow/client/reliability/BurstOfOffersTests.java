package io.telcoflow.client.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of offers (a campaign, a failover that offers every call again at once): every call
 * reaches its handler and is answered, none is lost on the way.
 */
class BurstOfOffersTests {

	private static final int CALLS = 200;

	private final TelcoflowSimulator simulator = TelcoflowSimulator.builder()
		.recordAgentAudio(false)
		.mediaOpenTimeout(Duration.ofSeconds(60))
		.build()
		.start();

	private final TelcoflowClient client = TelcoflowClient.create(TelcoflowConfig.builder()
		.url(this.simulator.url())
		.apiKey(this.simulator.apiKey(), this.simulator.connectorUuid())
		.build());

	@AfterEach
	void close() {
		this.client.close();
		this.simulator.close();
	}

	@Test
	void everyCallOfABurstReachesItsHandler() {
		Set<String> handled = ConcurrentHashMap.newKeySet();
		this.client.onIncomingCall((call) -> {
			handled.add(call.getCallId());
			call.answer();
		});
		this.client.connect();
		this.client.ready();
		this.simulator.awaitReadySessions(1, Duration.ofSeconds(30));
		List<SimulatedCall> calls = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			calls.add(this.simulator.placeCall(CallScript.defaults()));
		}
		await().atMost(Duration.ofSeconds(120)).until(() -> handled.size() == CALLS);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> calls.stream().allMatch((call) -> "ANSWERED".equals(call.state())));
		assertThat(handled).containsExactlyInAnyOrderElementsOf(calls.stream().map(SimulatedCall::callId).toList());
		assertThat(calls).allSatisfy((call) -> assertThat(call.record().offeredTo()).hasSize(1));
	}

}
