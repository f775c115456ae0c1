package io.telcoflow.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorRetentionTests {

	@Test
	void onlyTheConfiguredNumberOfEndedCallsIsKept() {
		try (TelcoflowSimulator sim = TelcoflowSimulator.builder().retainEndedCalls(2).build().start()) {
			SimulatedCall live = sim.placeCall();
			SimulatedCall[] ended = new SimulatedCall[4];
			for (int i = 0; i < ended.length; i++) {
				ended[i] = sim.placeCall();
				ended[i].hangUp();
			}
			assertThat(sim.calls()).containsExactly(live, ended[2], ended[3]);
			assertThat(sim.call(ended[0].callId())).isNull();
			assertThat(sim.call(ended[3].callId())).isSameAs(ended[3]);
			assertThat(ended[0].record().endReason()).isEqualTo("caller_hangup");
		}
	}

	@Test
	void everyCallIsKeptByDefault() {
		try (TelcoflowSimulator sim = TelcoflowSimulator.builder().build().start()) {
			for (int i = 0; i < 5; i++) {
				sim.placeCall().hangUp();
			}
			assertThat(sim.calls()).hasSize(5);
		}
	}

	@Test
	void negativeRetentionIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TelcoflowSimulator.builder().retainEndedCalls(-1))
			.withMessageContaining("retainEndedCalls");
	}

}
