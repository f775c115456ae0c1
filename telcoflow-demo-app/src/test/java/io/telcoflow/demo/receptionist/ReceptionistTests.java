package io.telcoflow.demo.receptionist;

import java.nio.file.Path;
import java.time.Duration;

import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.demo.DemoProperties;
import io.telcoflow.demo.FakeCall;
import io.telcoflow.demo.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ReceptionistTests {

	@TempDir
	Path recordings;

	private final FakeCall call = new FakeCall("0190a8f2-0000-7000-8000-000000000002", "+441632960002");

	private Receptionist receptionist() {
		DemoProperties properties = new DemoProperties();
		properties.setRecordingsDir(this.recordings);
		properties.getReceptionist().setEndOfMessageSilence(Duration.ofMillis(500));
		return new Receptionist(properties);
	}

	@Test
	void logTellsTheStoryOfACall(CapturedOutput output) {
		Duration afterBeep = Duration.ofSeconds(6);
		this.call.callerSays(TestAudio.concat(TestAudio.silence(afterBeep), Prompts.read("caller-booking").data()));
		receptionist().onIncomingCall(this.call);
		String id = this.call.getCallId();
		assertThat(output).contains("call " + id + " from +441632960002: answered, playing the greeting")
			.containsPattern("call " + id + ": message recorded: \\d+(\\.\\d)? s in .*" + id + "\\.wav")
			.contains("call " + id + ": goodbye played, hanging up")
			.containsPattern("call " + id + ": ended after \\d+(\\.\\d)? s \\(disconnected\\)");
	}

	@Test
	void callThatEndedBeforeItWasAnsweredIsTheCallersHangUp(CapturedOutput output) {
		this.call.hangUp();
		receptionist().onIncomingCall(this.call);
		assertThat(this.call.commands()).isEmpty();
		assertThat(output).contains("the call ended while the receptionist was busy (WssCallClosedException)");
	}

	@Test
	void rejectedConnectEndsTheCall(CapturedOutput output) {
		this.call.pressesAt(Duration.ofSeconds(1), '0').connectFails(WssCallCommandException.CONNECT_FAILED);
		receptionist().onIncomingCall(this.call);
		assertThat(this.call.commands()).containsExactly("answer", "connect", "disconnect");
		assertThat(output).contains("connect failed: CONNECT_FAILED");
	}

}
