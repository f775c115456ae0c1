package io.telcoflow.test.container;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.telcoflow.simulator.CallRecord;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CalleeBehaviour;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatedSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON documents of the simulator's control API, shared by {@link SimulatorAdminServer} (in the
 * container) and {@link TelcoflowSimulatorContainer} (in the test), so both sides read what the
 * other writes.
 */
final class AdminApi {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CALLEE = Pattern
		.compile("(answersAfter|failsAfter)\\((PT[^)]*)\\)|neverAnswers\\(\\)");

	private AdminApi() {
	}

	/**
	 * A {@link CallScript} on the wire: caller audio is sent as PCM rendered at the sessions'
	 * sample rate, the callee as its {@code toString()} form.
	 */
	record PlaceCall(@Nullable String callerNumber, @Nullable String calleeNumber, @Nullable String callerAudioPcm,
			boolean repeatAudio, List<Dtmf> dtmf, @Nullable Duration hangUpAfter,
			@Nullable Duration hangUpWhileRinging, String callee) {
	}

	record Dtmf(Duration afterAnswer, String digit) {
	}

	record Call(String callId, String state, boolean ended, @Nullable String endReason, @Nullable String sessionId,
			boolean mediaOpen, RemoteCallRecord record) {
	}

	static PlaceCall toRequest(CallScript script, int sampleRate) {
		CallerAudio audio = script.callerAudio();
		String pcm = (audio != null) ? Base64.getEncoder().encodeToString(audio.render(sampleRate)) : null;
		List<Dtmf> dtmf = new ArrayList<>();
		for (CallScript.Dtmf press : script.dtmf()) {
			dtmf.add(new Dtmf(press.afterAnswer(), String.valueOf(press.digit())));
		}
		return new PlaceCall(script.callerNumber(), script.calleeNumber(), pcm, script.repeatAudio(), dtmf,
				script.hangUpAfter(), script.hangUpWhileRinging(), script.callee().toString());
	}

	static CallScript toScript(PlaceCall request) {
		CallScript.Builder builder = CallScript.builder()
			.callerNumber(request.callerNumber())
			.calleeNumber(request.calleeNumber())
			.repeatAudio(request.repeatAudio())
			.callee(callee(request.callee()));
		if (request.callerAudioPcm() != null) {
			builder.callerAudio(CallerAudio.pcm(Base64.getDecoder().decode(request.callerAudioPcm())));
		}
		for (Dtmf press : request.dtmf()) {
			builder.dtmf(press.afterAnswer(), press.digit().charAt(0));
		}
		if (request.hangUpAfter() != null) {
			builder.hangUpAfter(request.hangUpAfter());
		}
		if (request.hangUpWhileRinging() != null) {
			builder.hangUpWhileRinging(request.hangUpWhileRinging());
		}
		return builder.build();
	}

	static CalleeBehaviour callee(String description) {
		Matcher matcher = CALLEE.matcher(description);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Unknown callee behaviour '" + description + "'");
		}
		if (matcher.group(1) == null) {
			return CalleeBehaviour.neverAnswers();
		}
		Duration delay = Duration.parse(matcher.group(2));
		return "answersAfter".equals(matcher.group(1)) ? CalleeBehaviour.answersAfter(delay)
				: CalleeBehaviour.failsAfter(delay);
	}

	static Call toCall(SimulatedCall call) {
		CallRecord record = call.record();
		RemoteCallRecord remote = new RemoteCallRecord(record.commands(), record.states(), record.agentAudioBytes(),
				record.pulls(), record.emptyPulls(), record.callerFrames(), record.dtmfSent(), record.offeredTo(),
				record.mediaConnections(), record.offeredAt(), record.mediaOpenedAt(), record.endedAt(),
				record.endReason(), record.protocolErrors(), record.sampleRate());
		return new Call(call.callId(), call.state(), call.isEnded(), call.endReason(), call.sessionId(),
				call.isMediaOpen(), remote);
	}

	static RemoteSession toSession(SimulatedSession session) {
		return new RemoteSession(session.id(), session.isOpen(), session.isReady(), session.isPaused(),
				session.maxCalls(), session.available(), session.activeCalls(), session.sampleRate(),
				session.readyCount());
	}

}
