package io.telcoflow.test.ai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CalleeBehaviour;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.test.junit.TelcoflowSimulatorExtension;
import io.telcoflow.voiceagent.CallTool;
import io.telcoflow.voiceagent.VoiceAgent;
import io.telcoflow.voiceagent.VoiceAgentEvent;
import io.telcoflow.voiceagent.VoiceAgentEvent.EndReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call's own tools and the application's tools, called by a scripted model through the
 * {@code ChatClient}, on calls through the simulator.
 */
class VoiceAgentCallToolsTests {

	private static final int FRAME = AudioFormat.PCM_24K.bytes(Duration.ofMillis(20));

	@RegisterExtension
	final TelcoflowSimulatorExtension telcoflow = new TelcoflowSimulatorExtension(
			(simulator) -> simulator.recordAgentAudio(true));

	private final ScriptedTextToSpeechModel speech = new ScriptedTextToSpeechModel().perCharacter(Duration.ofMillis(20));

	@Test
	void aTransferNobodyAnswersIsReportedToTheModelAndTheConversationGoesOn() {
		ScriptedChatModel chat = new ScriptedChatModel().then(ScriptedChatModel.reply("Let me put you through.")
			.callingTool("transfer_to_person", "{\"reason\": \"a booking\"}")
			.thenSay("Sorry, nobody is free right now. Can I help you myself?"));
		try (AgentCalls calls = agent(chat, ScriptedTranscriptionModel.of("I want to talk to a person."),
				(builder) -> builder.callTools(CallTool.TRANSFER).transferRingTime(Duration.ofSeconds(1)))) {
			SimulatedCall call = calls.place(CallScript.builder().callee(CalleeBehaviour.neverAnswers()).build());
			AgentCalls.say(call, Duration.ofMillis(400));
			VoiceAgentEvent.AgentSaid said = calls.awaitEvent(VoiceAgentEvent.AgentSaid.class, 1);
			assertThat(said.heard())
				.isEqualTo("Let me put you through. Sorry, nobody is free right now. Can I help you myself?");
			assertThat(chat.toolResults()).singleElement().asString().contains("CALL_UNANSWERED: nobody answered");
			VoiceAgentEvent.CallToolUsed used = calls.awaitEvent(VoiceAgentEvent.CallToolUsed.class, 1);
			assertThat(used.tool()).isEqualTo(CallTool.TRANSFER);
			assertThat(call.record().commandNames()).contains("connect");
			assertThat(call.state()).isEqualTo("ANSWERED");
			assertThat(calls.conversation().isActive()).isTrue();
		}
	}

	@Test
	void aTransferSomeoneAnswersLeavesCallerAndCalleeTalking() {
		ScriptedChatModel chat = new ScriptedChatModel()
			.then(ScriptedChatModel.reply("Let me put you through.").callingTool("transfer_to_person"));
		try (AgentCalls calls = agent(chat, ScriptedTranscriptionModel.of("A person, please."),
				(builder) -> builder.callTools(CallTool.TRANSFER))) {
			SimulatedCall call = calls.place(
					CallScript.builder().callee(CalleeBehaviour.answersAfter(Duration.ofMillis(200))).build());
			AgentCalls.say(call, Duration.ofMillis(400));
			assertThat(calls.conversation().endFuture().join()).isEqualTo(EndReason.TRANSFERRED);
			assertThat(call.record().commandNames()).contains("connect", "close");
			assertThat(chat.toolResults()).singleElement().asString().contains("CONNECTED");
		}
	}

	@Test
	void hangUpWaitsForTheGoodbyeToPlay() {
		ScriptedChatModel chat = new ScriptedChatModel()
			.then(ScriptedChatModel.reply("Thank you for calling. Goodbye!").callingTool("hang_up"));
		try (AgentCalls calls = agent(chat, ScriptedTranscriptionModel.of("That's all, thanks."), (builder) -> builder)) {
			SimulatedCall call = calls.place();
			AgentCalls.say(call, Duration.ofMillis(400));
			assertThat(calls.conversation().endFuture().join()).isEqualTo(EndReason.HUNG_UP);
			assertThat(call.awaitEnded(AgentCalls.WAIT)).isEqualTo("disconnected");
			// Every byte of the goodbye was pulled before the call ended.
			assertThat(call.record().agentAudioBytes()).isGreaterThanOrEqualTo(
					frames(this.speech.audioBytes("Thank you for calling.")) + frames(this.speech.audioBytes("Goodbye!")));
			VoiceAgentEvent.AgentSaid said = calls.awaitEvent(VoiceAgentEvent.AgentSaid.class, 1);
			assertThat(said.heard()).isEqualTo("Thank you for calling. Goodbye!");
			assertThat(said.interrupted()).isFalse();
		}
	}

	@Test
	void readsTheKeysTheCallerPressed() {
		ScriptedChatModel chat = new ScriptedChatModel()
			.then(ScriptedChatModel.reply("Please type your booking number, then the hash key.")
				.callingTool("read_dtmf", "{\"maxDigits\": 8, \"timeoutSeconds\": 10}")
				.thenSay("Thank you."));
		try (AgentCalls calls = agent(chat, ScriptedTranscriptionModel.of("I have a booking."), (builder) -> builder)) {
			SimulatedCall call = calls.place();
			AgentCalls.say(call, Duration.ofMillis(400));
			calls.awaitEvent(VoiceAgentEvent.CallerSaid.class, 1);
			for (char digit : "4711#".toCharArray()) {
				call.pressDigit(digit);
			}
			calls.awaitEvent(VoiceAgentEvent.AgentSaid.class, 1);
			assertThat(chat.toolResults()).containsExactly("\"DIGITS: 4711\"");
		}
	}

	@Test
	void theApplicationsToolsAreCalledWithTheCallInTheirContext() {
		BookingTools tools = new BookingTools();
		ScriptedChatModel chat = new ScriptedChatModel().then(ScriptedChatModel.reply("")
			.callingTool("bookRoom", "{\"nights\": 2}")
			.thenSay("Your room is booked for two nights."));
		try (AgentCalls calls = agent(chat, ScriptedTranscriptionModel.of("Book me a room for two nights."),
				(builder) -> builder.tools(tools))) {
			SimulatedCall call = calls.place();
			AgentCalls.say(call, Duration.ofMillis(400));
			VoiceAgentEvent.AgentSaid said = calls.awaitEvent(VoiceAgentEvent.AgentSaid.class, 1);
			assertThat(said.heard()).isEqualTo("Your room is booked for two nights.");
			assertThat(tools.bookings).containsExactly(call.callId() + ":2");
		}
	}

	private AgentCalls agent(ScriptedChatModel chat, ScriptedTranscriptionModel caller,
			java.util.function.UnaryOperator<VoiceAgent.Builder> customizer) {
		return new AgentCalls(this.telcoflow.simulator(), (listener) -> customizer
			.apply(VoiceAgent.builder().chatModel(chat).transcriptionModel(caller).speechModel(this.speech).listener(listener))
			.build());
	}

	private static int frames(int bytes) {
		return (bytes + FRAME - 1) / FRAME * FRAME;
	}

	static class BookingTools {

		final List<String> bookings = new CopyOnWriteArrayList<>();

		@Tool(description = "Books a room")
		String bookRoom(@ToolParam(description = "How many nights") int nights, ToolContext context) {
			ActiveCall call = (ActiveCall) context.getContext().get(VoiceAgent.CALL_CONTEXT_KEY);
			this.bookings.add(call.getCallId() + ":" + nights);
			return "booked";
		}

	}

}
