package io.telcoflow.demo.simulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.telcoflow.demo.DemoProperties;
import io.telcoflow.demo.receptionist.Prompts;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CalleeBehaviour;
import io.telcoflow.simulator.CallerAudio;

/**
 * The callers of the scripted receptionist (profile {@code scripted}) in the embedded mode, in
 * turn, so that a minute of the demo shows every branch of it: a message after the beep, a caller who speaks over the greeting, a caller put
 * through to a human, one who hangs up, one whom nobody answers (voicemail), one who says nothing.
 * Their timing follows the receptionist's prompts: a caller who waits for the beep starts
 * speaking a little after the greeting and the beep.
 */
public final class ScriptedCallers implements Supplier<CallScript> {

	private static final String CALLEE = "+441632960999";

	private final List<CallScript> scripts;

	private final AtomicInteger next = new AtomicInteger();

	/**
	 * Creates the callers.
	 * @param prompts the receptionist's prompts, for the callers' timing
	 * @param receptionist the receptionist's settings, for the callers' timing
	 */
	public ScriptedCallers(Prompts prompts, DemoProperties.Receptionist receptionist) {
		Duration slack = Duration.ofMillis(700);
		Duration afterBeep = prompts.greeting().duration().plus(prompts.beep().duration()).plus(slack);
		Duration goodbye = prompts.goodbye().duration();
		Duration operatorKey = Duration.ofMillis(1500);
		Duration afterVoicemailBeep = operatorKey.plus(prompts.connecting().duration())
			.plus(receptionist.getRingTime())
			.plus(prompts.voicemail().duration())
			.plus(prompts.beep().duration())
			.plus(slack.multipliedBy(2));
		this.scripts = List.of(
				leavesMessage("+441632960101", "caller-invoice", afterBeep, receptionist, goodbye),
				CallScript.builder()
					.callerNumber("+441632960102")
					.calleeNumber(CALLEE)
					.callerAudio(CallerAudio.sequence(CallerAudio.silence(Duration.ofMillis(1200)),
							speech("caller-interrupt")))
					.hangUpAfter(Duration.ofSeconds(20))
					.build(),
				CallScript.builder()
					.callerNumber("+441632960103")
					.calleeNumber(CALLEE)
					.dtmf(operatorKey, '0')
					.callee(CalleeBehaviour.answersAfter(Duration.ofSeconds(3)))
					.hangUpAfter(Duration.ofSeconds(15))
					.build(),
				CallScript.builder()
					.callerNumber("+441632960104")
					.calleeNumber(CALLEE)
					.hangUpAfter(Duration.ofSeconds(2))
					.build(),
				CallScript.builder()
					.callerNumber("+441632960105")
					.calleeNumber(CALLEE)
					.dtmf(operatorKey, '0')
					.callee(CalleeBehaviour.neverAnswers())
					.callerAudio(CallerAudio.sequence(CallerAudio.silence(afterVoicemailBeep), speech("caller-booking")))
					.hangUpAfter(afterVoicemailBeep.plus(Duration.ofSeconds(15)))
					.build(),
				leavesMessage("+441632960106", "caller-booking", afterBeep, receptionist, goodbye),
				CallScript.builder()
					.callerNumber(null)
					.calleeNumber(CALLEE)
					.hangUpAfter(afterBeep.plus(receptionist.getMessageStartTimeout()).plus(goodbye).plus(Duration.ofSeconds(5)))
					.build());
	}

	private static CallScript leavesMessage(String number, String phrase, Duration afterBeep,
			DemoProperties.Receptionist receptionist, Duration goodbye) {
		return CallScript.builder()
			.callerNumber(number)
			.calleeNumber(CALLEE)
			.callerAudio(CallerAudio.sequence(CallerAudio.silence(afterBeep), speech(phrase)))
			.hangUpAfter(afterBeep.plus(Duration.ofSeconds(5))
				.plus(receptionist.getEndOfMessageSilence())
				.plus(goodbye)
				.plus(Duration.ofSeconds(5)))
			.build();
	}

	/**
	 * Returns a caller's phrase shipped with the demo.
	 * @param name the file name under {@code audio/}, without {@code .wav}
	 * @return the audio
	 */
	public static CallerAudio speech(String name) {
		return CallerAudio.wav("audio/" + name + ".wav");
	}

	/**
	 * Returns the script of the next caller, round-robin.
	 * @return the script
	 */
	@Override
	public CallScript get() {
		return this.scripts.get(Math.floorMod(this.next.getAndIncrement(), this.scripts.size()));
	}

	/**
	 * Returns every caller's script, in turn order.
	 * @return the scripts
	 */
	public List<CallScript> scripts() {
		return this.scripts;
	}

}
