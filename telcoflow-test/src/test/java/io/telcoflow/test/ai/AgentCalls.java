package io.telcoflow.test.ai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.voiceagent.Conversation;
import io.telcoflow.voiceagent.VoiceAgent;
import io.telcoflow.voiceagent.VoiceAgentEvent;
import io.telcoflow.voiceagent.VoiceAgentListener;

import static org.awaitility.Awaitility.await;

/**
 * A client that runs a voice agent on every call from the simulator, and records the agent's events:
 * what the voice agent tests share.
 */
final class AgentCalls implements AutoCloseable, VoiceAgentListener {

	static final Duration WAIT = Duration.ofSeconds(20);

	private final TelcoflowSimulator simulator;

	private final TelcoflowClient client;

	final List<VoiceAgentEvent> events = new CopyOnWriteArrayList<>();

	final CompletableFuture<Conversation> conversation = new CompletableFuture<>();

	AgentCalls(TelcoflowSimulator simulator, Function<VoiceAgentListener, VoiceAgent> agent) {
		this.simulator = simulator;
		VoiceAgent voiceAgent = agent.apply(this);
		this.client = TelcoflowClient.create(TelcoflowConfig.builder()
			.url(simulator.url())
			.apiKey(simulator.apiKey(), simulator.connectorUuid())
			.build());
		this.client.onIncomingCall((call) -> {
			Conversation started = voiceAgent.start(call);
			this.conversation.complete(started);
			started.endFuture().join();
		});
		this.client.connect();
		this.client.ready();
	}

	SimulatedCall place() {
		return place(CallScript.builder().build());
	}

	SimulatedCall place(CallScript script) {
		SimulatedCall call = this.simulator.placeCall(script);
		call.awaitState("ANSWERED", WAIT);
		this.conversation.join();
		return call;
	}

	Conversation conversation() {
		return this.conversation.join();
	}

	/**
	 * The caller says something now: a short silence (the voice activity detector learns the line's
	 * noise floor from what it hears first), a tone of the given length, then silence.
	 */
	static void say(SimulatedCall call, Duration speech) {
		int rate = call.record().sampleRate();
		call.sendCallerAudio(CallerAudio
			.sequence(CallerAudio.silence(Duration.ofMillis(100)), CallerAudio.tone(300, speech),
					CallerAudio.silence(Duration.ofMillis(100)))
			.render(rate));
	}

	@Override
	public void onEvent(VoiceAgentEvent event) {
		this.events.add(event);
	}

	<T extends VoiceAgentEvent> List<T> events(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends VoiceAgentEvent> T awaitEvent(Class<T> type, int count) {
		await().atMost(WAIT).until(() -> events(type).size() >= count);
		return events(type).get(count - 1);
	}

	@Override
	public void close() {
		// The callers hang up first: a client closing waits for its calls' handlers.
		this.simulator.calls().forEach(SimulatedCall::hangUp);
		this.client.close();
	}

}
