package io.telcoflow.test.container;

import java.time.Duration;

import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CalleeBehaviour;
import io.telcoflow.simulator.CallerAudio;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AdminApiTests {

	@Test
	void callScriptSurvivesTheWire() {
		CallerAudio audio = CallerAudio.tone(440, Duration.ofMillis(100));
		CallScript script = CallScript.builder()
			.callerNumber("+441632960123")
			.calleeNumber(null)
			.callerAudio(audio)
			.repeatAudio(true)
			.dtmf(Duration.ofMillis(300), '#')
			.hangUpAfter(Duration.ofSeconds(4))
			.callee(CalleeBehaviour.failsAfter(Duration.ofMillis(1500)))
			.build();

		byte[] json = AdminApi.JSON.writeValueAsBytes(AdminApi.toRequest(script, 16000));
		CallScript received = AdminApi.toScript(AdminApi.JSON.readValue(json, AdminApi.PlaceCall.class));

		assertThat(received.callerNumber()).isEqualTo("+441632960123");
		assertThat(received.calleeNumber()).isNull();
		assertThat(received.callerAudio()).isNotNull();
		assertThat(received.callerAudio().render(16000)).isEqualTo(audio.render(16000));
		assertThat(received.repeatAudio()).isTrue();
		assertThat(received.dtmf()).containsExactly(new CallScript.Dtmf(Duration.ofMillis(300), '#'));
		assertThat(received.hangUpAfter()).isEqualTo(Duration.ofSeconds(4));
		assertThat(received.hangUpWhileRinging()).isNull();
		assertThat(received.callee()).hasToString(script.callee().toString());
	}

	@Test
	void scriptWithoutAudioSurvivesTheWire() {
		CallScript script = CallScript.builder().hangUpWhileRinging(Duration.ofMillis(250)).build();

		byte[] json = AdminApi.JSON.writeValueAsBytes(AdminApi.toRequest(script, 24000));
		CallScript received = AdminApi.toScript(AdminApi.JSON.readValue(json, AdminApi.PlaceCall.class));

		assertThat(received.callerAudio()).isNull();
		assertThat(received.hangUpWhileRinging()).isEqualTo(Duration.ofMillis(250));
		assertThat(received.callerNumber()).isEqualTo(script.callerNumber());
	}

	@Test
	void everyCalleeBehaviourSurvivesTheWire() {
		for (CalleeBehaviour callee : new CalleeBehaviour[] { CalleeBehaviour.answersAfter(Duration.ofMillis(1500)),
				CalleeBehaviour.neverAnswers(), CalleeBehaviour.fails(),
				CalleeBehaviour.failsAfter(Duration.ofSeconds(2)) }) {
			assertThat(AdminApi.callee(callee.toString())).hasToString(callee.toString());
		}
	}

	@Test
	void unknownCalleeBehaviourIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> AdminApi.callee("hangsUpRudely()"))
			.withMessageContaining("hangsUpRudely()");
	}

}
