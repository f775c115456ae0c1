package io.telcoflow.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What the callee does when the client rings it with {@code connect}.
 */
public final class CalleeBehaviour {

	enum Kind {

		ANSWERS, NEVER_ANSWERS, FAILS

	}

	private final Kind kind;

	private final Duration delay;

	private CalleeBehaviour(Kind kind, Duration delay) {
		this.kind = kind;
		this.delay = delay;
	}

	/**
	 * The callee answers after the given ringing time; if that is longer than the command's
	 * {@code ring_time_seconds}, the connect fails with {@code CALL_UNANSWERED}.
	 * @param delay the ringing time before the callee answers
	 * @return the behaviour
	 */
	public static CalleeBehaviour answersAfter(Duration delay) {
		Objects.requireNonNull(delay, "delay");
		return new CalleeBehaviour(Kind.ANSWERS, delay);
	}

	/**
	 * The callee never answers: {@code connect} fails with {@code CALL_UNANSWERED} after its
	 * {@code ring_time_seconds}.
	 * @return the behaviour
	 */
	public static CalleeBehaviour neverAnswers() {
		return new CalleeBehaviour(Kind.NEVER_ANSWERS, Duration.ZERO);
	}

	/**
	 * The callee cannot be reached: {@code connect} fails with {@code CONNECT_FAILED} at once.
	 * @return the behaviour
	 */
	public static CalleeBehaviour fails() {
		return failsAfter(Duration.ZERO);
	}

	/**
	 * The callee cannot be reached: {@code connect} fails with {@code CONNECT_FAILED} after a delay.
	 * @param delay the delay before the failure
	 * @return the behaviour
	 */
	public static CalleeBehaviour failsAfter(Duration delay) {
		Objects.requireNonNull(delay, "delay");
		return new CalleeBehaviour(Kind.FAILS, delay);
	}

	Kind kind() {
		return this.kind;
	}

	Duration delay() {
		return this.delay;
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case ANSWERS -> "answersAfter(" + this.delay + ")";
			case NEVER_ANSWERS -> "neverAnswers()";
			case FAILS -> "failsAfter(" + this.delay + ")";
		};
	}

}
