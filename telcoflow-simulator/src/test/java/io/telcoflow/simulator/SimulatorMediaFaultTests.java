package io.telcoflow.simulator;

import java.time.Duration;

import io.telcoflow.simulator.SimulatorTestSupport.OpenCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.telcoflow.simulator.SimulatorTestSupport.answeredCall;
import static io.telcoflow.simulator.SimulatorTestSupport.command;
import static io.telcoflow.simulator.SimulatorTestSupport.openCall;
import static io.telcoflow.simulator.SimulatorTestSupport.openMedia;
import static io.telcoflow.simulator.SimulatorTestSupport.readyControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SimulatorMediaFaultTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final TelcoflowSimulator sim = TelcoflowSimulator.builder()
		.mediaResumeTimeout(Duration.ofSeconds(3))
		.build()
		.start();

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void droppedMediaCanBeResumedWithTheCurrentState() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control, CallScript.defaults());
		OpenCall reference = answeredCall(this.sim, control, CallScript.defaults());
		this.sim.faults().dropMediaConnection(open.call().callId());
		assertThat(open.media().awaitClose()).isEqualTo(1006);
		await().atMost(TIMEOUT).until(() -> !open.call().isMediaOpen());
		// a call dropped after it and never resumed: its resume deadline comes after the first's
		this.sim.faults().dropMediaConnection(reference.call().callId());
		TestWebSocket resumed = openMedia(this.sim, open.incoming());
		assertThat(resumed.await("media.started").path("state").asString()).isEqualTo("ANSWERED");
		assertThat(resumed.await("audio.pull")).isNotNull();
		assertThat(open.call().record().mediaConnections()).isEqualTo(2);
		// once the later deadline has ended its call, the resumed call's deadline is past too
		assertThat(reference.call().awaitEnded(TIMEOUT)).isEqualTo("error");
		assertThat(open.call().isEnded()).isFalse();
	}

	@Test
	void mediaNotResumedInTimeEndsTheCallWithError() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control, CallScript.defaults());
		this.sim.faults().dropMediaConnection(open.call().callId());
		assertThat(open.call().awaitEnded(TIMEOUT)).isEqualTo("error");
		assertThat(TestWebSocket.refusalStatus(open.incoming().path("media_url").asString(),
				SimulatorTestSupport.mediaHeaders(this.sim, open.incoming()), null)).isEqualTo(404);
	}

	@Test
	void refusedResumeGets404() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control, CallScript.defaults());
		this.sim.faults().refuseMediaResume(open.call().callId());
		this.sim.faults().dropMediaConnection(open.call().callId());
		await().atMost(TIMEOUT).until(() -> !open.call().isMediaOpen());
		assertThat(TestWebSocket.refusalStatus(open.incoming().path("media_url").asString(),
				SimulatorTestSupport.mediaHeaders(this.sim, open.incoming()), null)).isEqualTo(404);
	}

	@Test
	void secondMediaConnectionTakesTheCallOverAndTheFirstIsClosedWith4009() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control, CallScript.defaults());
		TestWebSocket takeover = openMedia(this.sim, open.incoming());
		assertThat(takeover.await("media.started").path("state").asString()).isEqualTo("ANSWERED");
		assertThat(open.media().awaitClose()).isEqualTo(4009);
		takeover.send(command("c-9", "disconnect"));
		assertThat(takeover.await("call.terminated").path("reason").asString()).isEqualTo("disconnected");
	}

	@Test
	void delayedCommandResultsArriveAfterTheDelay() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = openCall(this.sim, control, CallScript.defaults());
		this.sim.faults().delayCommandResults(Duration.ofMillis(400));
		long start = System.nanoTime();
		open.media().send(command("c-1", "answer"));
		open.media().await("command.result");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		this.sim.faults().delayCommandResults(Duration.ZERO);
		open.media().send(command("c-2", "whisper"));
		assertThat(open.media().await("command.result").path("id").asString()).isEqualTo("c-2");
	}

	@Test
	void rejectedCommandFailsOnceWithTheCodeAndLeavesTheState() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = openCall(this.sim, control, CallScript.defaults());
		this.sim.faults().rejectNextCommand("answer", "INTERNAL_ERROR");
		open.media().send(command("c-1", "answer"));
		JsonNode rejected = open.media().await("command.result");
		assertThat(rejected.path("ok").asBoolean()).isFalse();
		assertThat(rejected.path("error_code").asString()).isEqualTo("INTERNAL_ERROR");
		assertThat(open.call().state()).isEqualTo("PENDING");
		open.media().send(command("c-2", "answer"));
		assertThat(open.media().await("command.result").path("ok").asBoolean()).isTrue();
	}

	@Test
	void rawMediaFramesReachTheClient() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = openCall(this.sim, control, CallScript.defaults());
		this.sim.faults().sendMediaText(open.call().callId(), "{\"type\":\"command.result\",\"id\":\"nobody\",\"ok\":true}");
		this.sim.faults().sendMediaBinary(open.call().callId(), new byte[] { 1, 2, 3 });
		this.sim.faults().sendOversizedMediaText(open.call().callId());
		assertThat(open.media().await("command.result").path("id").asString()).isEqualTo("nobody");
		assertThat(open.media().awaitBinary()).containsExactly(1, 2, 3);
		assertThat(open.media().await("simulator.oversized").path("padding").asString()).hasSize(70 * 1024);
	}

	@Test
	void closingTheSimulatorEndsItsCalls() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control, CallScript.defaults());
		this.sim.close();
		assertThat(open.call().awaitEnded(TIMEOUT)).isEqualTo("simulator_stopped");
		assertThat(open.media().awaitClose()).isIn(1001, 1006);
	}

	@Test
	void refusedMediaConnectionsGetTheStatus() {
		TestWebSocket control = readyControl(this.sim);
		this.sim.placeCall();
		JsonNode incoming = control.await("call.incoming");
		this.sim.faults().refuseNextMediaConnections(1, 503);
		assertThat(TestWebSocket.refusalStatus(incoming.path("media_url").asString(),
				SimulatorTestSupport.mediaHeaders(this.sim, incoming), null)).isEqualTo(503);
		openMedia(this.sim, incoming).await("media.started");
	}

	@Test
	void controlDropLeavesMediaAndAudioRunning() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control, CallScript.defaults());
		this.sim.faults().dropControlConnections();
		assertThat(control.awaitClose()).isEqualTo(1006);
		int pulls = open.call().record().pulls();
		await().atMost(TIMEOUT).until(() -> open.call().record().pulls() > pulls + 5);
		assertThat(open.media().closed).isNotDone();
	}

}
