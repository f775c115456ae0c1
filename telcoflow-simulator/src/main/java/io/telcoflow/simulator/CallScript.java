package io.telcoflow.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a simulated caller does: numbers, audio, key presses, when to hang up, and how the callee
 * behaves when the client rings it with {@code connect}. Immutable; build with {@link #builder()}.
 */
public final class CallScript {

	/** Default caller number (a UK drama number, never a real line). */
	public static final String DEFAULT_CALLER_NUMBER = "+441632960001";

	/** Default callee number (a UK drama number, never a real line). */
	public static final String DEFAULT_CALLEE_NUMBER = "+441632960999";

	/**
	 * A key press at a time since the call was answered.
	 *
	 * @param afterAnswer time since the call became {@code ANSWERED} (or {@code CONNECTED})
	 * @param digit the key: {@code 0-9}, {@code *}, {@code #}, {@code A-D}
	 */
	public record Dtmf(Duration afterAnswer, char digit) {
	}

	private final @Nullable String callerNumber;

	private final @Nullable String calleeNumber;

	private final @Nullable CallerAudio callerAudio;

	private final boolean repeatAudio;

	private final List<Dtmf> dtmf;

	private final @Nullable Duration hangUpAfter;

	private final @Nullable Duration hangUpWhileRinging;

	private final CalleeBehaviour callee;

	private CallScript(Builder builder) {
		this.callerNumber = builder.callerNumber;
		this.calleeNumber = builder.calleeNumber;
		this.callerAudio = builder.callerAudio;
		this.repeatAudio = builder.repeatAudio;
		this.dtmf = List.copyOf(builder.dtmf);
		this.hangUpAfter = builder.hangUpAfter;
		this.hangUpWhileRinging = builder.hangUpWhileRinging;
		this.callee = builder.callee;
	}

	/**
	 * Starts a script: default numbers, silent caller, callee answers after 100 ms, nobody hangs up.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The default script.
	 * @return {@code builder().build()}
	 */
	public static CallScript defaults() {
		return builder().build();
	}

	/**
	 * Returns the caller number.
	 * @return the number, {@code null} when withheld
	 */
	public @Nullable String callerNumber() {
		return this.callerNumber;
	}

	/**
	 * Returns the callee number.
	 * @return the number, {@code null} when absent
	 */
	public @Nullable String calleeNumber() {
		return this.calleeNumber;
	}

	/**
	 * Returns the caller's audio.
	 * @return the audio, {@code null} for silence
	 */
	public @Nullable CallerAudio callerAudio() {
		return this.callerAudio;
	}

	/**
	 * Returns whether the caller audio loops.
	 * @return whether it repeats
	 */
	public boolean repeatAudio() {
		return this.repeatAudio;
	}

	/**
	 * Returns the scripted key presses.
	 * @return the key presses
	 */
	public List<Dtmf> dtmf() {
		return this.dtmf;
	}

	/**
	 * Returns when the caller hangs up, counted from the answer.
	 * @return the time, {@code null} for never
	 */
	public @Nullable Duration hangUpAfter() {
		return this.hangUpAfter;
	}

	/**
	 * Returns when the caller hangs up if the call is still ringing, counted from when it was placed.
	 * @return the time, {@code null} for never
	 */
	public @Nullable Duration hangUpWhileRinging() {
		return this.hangUpWhileRinging;
	}

	/**
	 * Returns the callee's behaviour on {@code connect}.
	 * @return the behaviour
	 */
	public CalleeBehaviour callee() {
		return this.callee;
	}

	@Override
	public String toString() {
		return "CallScript[caller=" + this.callerNumber + ", callee=" + this.calleeNumber + ", audio="
				+ this.callerAudio + ", repeat=" + this.repeatAudio + ", dtmf=" + this.dtmf + ", hangUpAfter="
				+ this.hangUpAfter + ", hangUpWhileRinging=" + this.hangUpWhileRinging + ", calleeBehaviour="
				+ this.callee + "]";
	}

	/**
	 * Builds a {@link CallScript}.
	 */
	public static final class Builder {

		private @Nullable String callerNumber = DEFAULT_CALLER_NUMBER;

		private @Nullable String calleeNumber = DEFAULT_CALLEE_NUMBER;

		private @Nullable CallerAudio callerAudio;

		private boolean repeatAudio;

		private final List<Dtmf> dtmf = new ArrayList<>();

		private @Nullable Duration hangUpAfter;

		private @Nullable Duration hangUpWhileRinging;

		private CalleeBehaviour callee = CalleeBehaviour.answersAfter(Duration.ofMillis(100));

		private Builder() {
		}

		/**
		 * Sets the caller number.
		 * @param callerNumber E.164, or {@code null} (withheld)
		 * @return this builder
		 */
		public Builder callerNumber(@Nullable String callerNumber) {
			this.callerNumber = callerNumber;
			return this;
		}

		/**
		 * Sets the callee number.
		 * @param calleeNumber E.164, or {@code null}
		 * @return this builder
		 */
		public Builder calleeNumber(@Nullable String calleeNumber) {
			this.calleeNumber = calleeNumber;
			return this;
		}

		/**
		 * Sets what the caller says once the call is answered; after it, silence (or a loop).
		 * @param callerAudio the audio, {@code null} for silence
		 * @return this builder
		 */
		public Builder callerAudio(@Nullable CallerAudio callerAudio) {
			this.callerAudio = callerAudio;
			return this;
		}

		/**
		 * Sets whether the caller audio loops for as long as the call lasts.
		 * @param repeatAudio whether to loop
		 * @return this builder
		 */
		public Builder repeatAudio(boolean repeatAudio) {
			this.repeatAudio = repeatAudio;
			return this;
		}

		/**
		 * Adds a key press.
		 * @param afterAnswer when, counted from the answer
		 * @param digit the key: {@code 0-9}, {@code *}, {@code #}, {@code A-D}
		 * @return this builder
		 */
		public Builder dtmf(Duration afterAnswer, char digit) {
			this.dtmf.add(new Dtmf(Objects.requireNonNull(afterAnswer, "afterAnswer"), checkDigit(digit)));
			return this;
		}

		/**
		 * Makes the caller hang up a while after the answer.
		 * @param afterAnswer when, counted from the answer
		 * @return this builder
		 */
		public Builder hangUpAfter(Duration afterAnswer) {
			this.hangUpAfter = Objects.requireNonNull(afterAnswer, "afterAnswer");
			return this;
		}

		/**
		 * Makes the caller hang up while the call still rings (still {@code PENDING}).
		 * @param afterPlaced when, counted from when the call was placed
		 * @return this builder
		 */
		public Builder hangUpWhileRinging(Duration afterPlaced) {
			this.hangUpWhileRinging = Objects.requireNonNull(afterPlaced, "afterPlaced");
			return this;
		}

		/**
		 * Sets how the callee reacts to {@code connect}.
		 * @param callee the behaviour
		 * @return this builder
		 */
		public Builder callee(CalleeBehaviour callee) {
			this.callee = Objects.requireNonNull(callee, "callee");
			return this;
		}

		/**
		 * Builds the script.
		 * @return the script
		 */
		public CallScript build() {
			return new CallScript(this);
		}

	}

	static char checkDigit(char digit) {
		if ("0123456789*#ABCD".indexOf(digit) < 0) {
			throw new IllegalArgumentException("DTMF digit must be one of 0-9 * # A-D, not '" + digit + "'");
		}
		return digit;
	}

}
