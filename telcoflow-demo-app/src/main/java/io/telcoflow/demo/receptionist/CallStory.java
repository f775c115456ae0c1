package io.telcoflow.demo.receptionist;

import java.time.Duration;
import java.time.Instant;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TerminationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the story of one call in a few readable log lines, each starting with the call's id.
 */
final class CallStory {

	private static final Logger logger = LoggerFactory.getLogger(Receptionist.class);

	private final ActiveCall call;

	CallStory(ActiveCall call) {
		this.call = call;
	}

	void answered() {
		String caller = this.call.getCallerNumber();
		logger.info("call {} from {}: answered, playing the greeting", this.call.getCallId(),
				(caller != null) ? caller : "a withheld number");
	}

	void tell(String what, Object... args) {
		if (logger.isInfoEnabled()) {
			logger.info("call {}: " + what, prepend(this.call.getCallId(), args));
		}
	}

	void warn(String what, Object... args) {
		logger.warn("call {}: " + what, prepend(this.call.getCallId(), args));
	}

	void ended(TerminationReason reason) {
		Duration duration = Duration.between(this.call.getOfferedAt(), Instant.now());
		tell("ended after {} ({})", seconds(duration), describe(reason));
	}

	private static String describe(TerminationReason reason) {
		return switch (reason) {
			case CALLER_HANGUP -> "the caller hung up";
			case CALLEE_HANGUP -> "the human hung up";
			case DISCONNECTED -> "disconnected";
			case CLOSED -> "the receptionist left";
			case TIMEOUT -> "server timeout";
			case ERROR -> "error";
			case CLIENT_CLOSED -> "the application stopped";
		};
	}

	/**
	 * Formats a duration as seconds with one decimal, none for whole seconds.
	 * @param duration the duration
	 * @return for example {@code 2.4 s} or {@code 30 s}
	 */
	static String seconds(Duration duration) {
		long tenths = (duration.toMillis() + 50) / 100;
		return (tenths / 10) + ((tenths % 10 != 0) ? "." + (tenths % 10) : "") + " s";
	}

	private static Object[] prepend(Object first, Object[] rest) {
		Object[] all = new Object[rest.length + 1];
		all[0] = first;
		System.arraycopy(rest, 0, all, 1, rest.length);
		return all;
	}

}
