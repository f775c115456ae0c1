package io.telcoflow.demo.simulator;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavWriter;
import io.telcoflow.demo.agent.CallerSentences;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CalleeBehaviour;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.speech.offline.FreeTtsTextToSpeechModel;
import io.telcoflow.speech.offline.FreeTtsTextToSpeechOptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.audio.tts.TextToSpeechPrompt;

/**
 * The callers of the AI receptionist in the embedded mode, in turn, so that a minute of the demo
 * shows every part of the voice agent: one asks for the opening hours and listens to the end, one
 * speaks over them (barge-in) and says goodbye, one asks for a person whom nobody answers, one
 * leaves a message, one says hello and goodbye and is hung up on after the agent's goodbye.
 * <p>
 * They speak sentences synthesized by FreeTTS and wait, between them, about as long as the reply
 * they expect takes to say plus a margin for the agent's latency on a busy machine: scripted
 * callers do not listen, so the margins are generous (a caller who spoke too early would interrupt
 * the agent). The replies they expect are the offline intent matcher's; OpenAI's models answer
 * other words, of similar length.
 */
public final class AgentCallers implements Supplier<CallScript> {

	/** The caller's audio: the simulator's (a WAV, so that another rate fails with a clear message). */
	private static final AudioFormat FORMAT = AudioFormat.PCM_24K;

	private static final Logger logger = LoggerFactory.getLogger(AgentCallers.class);

	private static final List<Scenario> SCENARIOS = List.of(Scenario.values());

	private static final String CALLEE = "+441632960999";

	/** Time after the greeting before the caller speaks. */
	private static final Duration AFTER_GREETING = Duration.ofMillis(1500);

	/**
	 * Default time allowed for the agent to start a reply, after the caller's sentence: its
	 * end-of-utterance silence, the transcription, the first sentence's synthesis, and a margin for
	 * a busy machine.
	 */
	public static final Duration DEFAULT_RESPONSE_TIME = Duration.ofSeconds(4);

	/**
	 * How long the barge-in caller listens to the opening hours beyond the response time before
	 * speaking over them: the reply has begun by then, and lasts more than ten seconds.
	 */
	private static final Duration BARGE_IN_AFTER_RESPONSE = Duration.ofMillis(1500);

	/** How long a caller whom the agent hangs up on would wait before hanging up themselves. */
	private static final Duration PATIENCE = Duration.ofSeconds(15);

	static final String HOURS_REPLY_END = " Is there anything else I can help you with?";

	static final String GOODBYE_REPLY = "Thank you for calling. Goodbye!";

	private final FreeTtsTextToSpeechModel voice;

	private final Duration responseTime;

	private final Map<Scenario, CallScript> scripts;


	private final AtomicInteger next = new AtomicInteger();

	/**
	 * Creates the callers with the {@linkplain #DEFAULT_RESPONSE_TIME default response time},
	 * synthesizing what they say (a few hundred milliseconds).
	 * @param greeting what the receptionist says first, or {@code null} for nothing
	 * @param openingHours the receptionist's sentence about the opening hours
	 * @param transferRingTime how long a transfer to a person rings
	 */
	public AgentCallers(@Nullable String greeting, String openingHours, Duration transferRingTime) {
		this(greeting, openingHours, transferRingTime, DEFAULT_RESPONSE_TIME);
	}

	/**
	 * Creates the callers, synthesizing what they say (a few hundred milliseconds).
	 * @param greeting what the receptionist says first, or {@code null} for nothing
	 * @param openingHours the receptionist's sentence about the opening hours
	 * @param transferRingTime how long a transfer to a person rings
	 * @param responseTime how long a caller allows the agent to start each reply, beyond which the
	 * caller's next sentence would interrupt it
	 */
	public AgentCallers(@Nullable String greeting, String openingHours, Duration transferRingTime,
			Duration responseTime) {
		this.responseTime = responseTime;
		this.voice = new FreeTtsTextToSpeechModel(
				FreeTtsTextToSpeechOptions.builder().sampleRate(FORMAT.sampleRate()).build());
		String hours = openingHours + HOURS_REPLY_END;
		Map<Scenario, CallScript> scripts = new EnumMap<>(Scenario.class);
		scripts.put(Scenario.OPENING_HOURS, caller("+441632960201", greeting).say(CallerSentences.OPENING_HOURS)
			.waitFor(hours)
			.hangUp());
		scripts.put(Scenario.BARGE_IN, caller("+441632960202", greeting).say(CallerSentences.OPENING_HOURS)
			.pause(responseTime.plus(BARGE_IN_AFTER_RESPONSE))
			.say(CallerSentences.THAT_IS_ALL)
			.waitFor(GOODBYE_REPLY)
			.waitForHangUp());
		scripts.put(Scenario.TRANSFER, caller("+441632960203", greeting).say(CallerSentences.TALK_TO_PERSON)
			.waitFor("Of course. Please hold on, I am putting you through.")
			.pause(transferRingTime)
			.waitFor("I am sorry, nobody is available to take your call right now. Would you like to leave a message?")
			.callee(CalleeBehaviour.neverAnswers())
			.hangUp());
		scripts.put(Scenario.MESSAGE, caller("+441632960204", greeting).say(CallerSentences.LEAVE_MESSAGE)
			.waitFor("Of course. Please say your message now, and I will pass it on.")
			.say(CallerSentences.MESSAGE)
			.waitFor("Thank you, I have taken your message and will pass it on." + HOURS_REPLY_END)
			.hangUp());
		scripts.put(Scenario.GOODBYE, caller("+441632960205", greeting).say(CallerSentences.HELLO)
			.waitFor("Hello, thank you for calling. How can I help you?")
			.say(CallerSentences.GOODBYE)
			.waitFor(GOODBYE_REPLY)
			.waitForHangUp());
		this.scripts = Collections.unmodifiableMap(scripts);
	}

	private Script caller(String number, @Nullable String greeting) {
		Script script = new Script(number);
		return (greeting != null) ? script.listen(greeting).pause(AFTER_GREETING) : script.pause(AFTER_GREETING);
	}

	/**
	 * Returns the script of the next caller, round-robin.
	 * @return the script
	 */
	@Override
	public CallScript get() {
		Scenario scenario = SCENARIOS.get(Math.floorMod(this.next.getAndIncrement(), SCENARIOS.size()));
		CallScript script = this.scripts.get(scenario);
		logger.info("Scripted caller {} rings: {}", script.callerNumber(), scenario.description());
		return script;
	}

	/**
	 * Returns the script of one scenario.
	 * @param scenario the scenario
	 * @return its caller's script
	 */
	public CallScript script(Scenario scenario) {
		return this.scripts.get(scenario);
	}

	/**
	 * Returns every caller's script, in turn order (the order of {@link Scenario}).
	 * @return the scripts
	 */
	public List<CallScript> scripts() {
		return List.copyOf(this.scripts.values());
	}

	private WavAudio speech(String text) {
		return new WavAudio(FORMAT, this.voice.call(new TextToSpeechPrompt(text)).getResult().getOutput());
	}

	/**
	 * What a caller does, in turn order.
	 */
	public enum Scenario {

		/** Asks for the opening hours, listens to the end and hangs up. */
		OPENING_HOURS("asks for the opening hours and listens to the end"),

		/** Asks for the opening hours, speaks over them to say goodbye, is hung up on. */
		BARGE_IN("asks for the opening hours, then talks over them (barge-in) to say goodbye"),

		/** Asks for a person whom nobody answers, hears the offer of a message and hangs up. */
		TRANSFER("asks for a person, whom nobody answers"),

		/** Leaves a message, hears it confirmed and hangs up. */
		MESSAGE("leaves a message"),

		/** Says hello, then goodbye, and is hung up on once the agent's goodbye has played. */
		GOODBYE("says hello, then goodbye, and waits for the agent to hang up");

		private final String description;

		Scenario(String description) {
			this.description = description;
		}

		/**
		 * Returns what the caller does, for the log.
		 * @return the description
		 */
		public String description() {
			return this.description;
		}

	}

	/**
	 * One caller's timeline, from the moment the call is answered.
	 */
	private final class Script {

		private final CallScript.Builder builder;

		private final List<CallerAudio> audio = new ArrayList<>();

		private Duration length = Duration.ZERO;

		Script(String number) {
			this.builder = CallScript.builder().callerNumber(number).calleeNumber(CALLEE);
		}

		/** Stays silent while the agent says a line that needs no reply time (the greeting). */
		Script listen(String agentLine) {
			return pause(speech(agentLine).duration());
		}

		/** Stays silent while the agent answers with about this line. */
		Script waitFor(String agentLine) {
			return pause(AgentCallers.this.responseTime.plus(speech(agentLine).duration()));
		}

		Script pause(Duration duration) {
			this.audio.add(CallerAudio.silence(duration));
			this.length = this.length.plus(duration);
			return this;
		}

		Script say(String sentence) {
			WavAudio speech = speech(sentence);
			this.audio.add(CallerAudio.wav(new ByteArrayInputStream(WavWriter.toBytes(speech))));
			this.length = this.length.plus(speech.duration());
			return this;
		}

		Script callee(CalleeBehaviour callee) {
			this.builder.callee(callee);
			return this;
		}

		/** The caller hangs up now. */
		CallScript hangUp() {
			return this.builder.callerAudio(CallerAudio.sequence(this.audio.toArray(CallerAudio[]::new)))
				.hangUpAfter(this.length)
				.build();
		}

		/** The agent is expected to hang up; the caller would, much later. */
		CallScript waitForHangUp() {
			return pause(PATIENCE).hangUp();
		}

	}

}
