package io.telcoflow.client.exception;

/**
 * The server rejected a call command (Python: {@code WSSCallCommandError}). Use
 * {@link #errorCode()} for command-specific recovery: {@code CALL_UNANSWERED} after
 * {@code connect} leaves the call as it was.
 */
public class WssCallCommandException extends WssCallException {

	private static final long serialVersionUID = 1L;

	/** Error code of a {@code connect} that nobody answered within the ring time. */
	public static final String CALL_UNANSWERED = "CALL_UNANSWERED";

	/** Error code of a {@code connect} whose callee could not be reached. */
	public static final String CONNECT_FAILED = "CONNECT_FAILED";

	/** Error code of a command that is not allowed in the call's current state. */
	public static final String INVALID_STATE = "INVALID_STATE";

	/** Error code of an unknown command name or bad members. */
	public static final String INVALID_COMMAND = "INVALID_COMMAND";

	/** Error code of a command for a call the server does not know. */
	public static final String CALL_NOT_FOUND = "CALL_NOT_FOUND";

	/** Error code of a server-side failure. */
	public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

	/** Name of the rejected command, such as {@code connect}. */
	private final String command;

	/** Server's error code, such as {@code CALL_UNANSWERED}. */
	private final String errorCode;

	/** Server's explanation. */
	private final String errorMessage;

	/**
	 * Creates an exception for a rejected command.
	 * @param command the command's name, such as {@code connect}
	 * @param errorCode the server's error code, such as {@code CALL_UNANSWERED}
	 * @param errorMessage the server's explanation
	 */
	public WssCallCommandException(String command, String errorCode, String errorMessage) {
		super("Command '" + command + "' rejected: " + errorCode + " (" + errorMessage + ")");
		this.command = command;
		this.errorCode = errorCode;
		this.errorMessage = errorMessage;
	}

	/**
	 * Returns the name of the rejected command.
	 * @return the command name, such as {@code connect}
	 */
	public String command() {
		return this.command;
	}

	/**
	 * Returns the server's error code (Python: {@code error_code}).
	 * @return the error code, such as {@link #CALL_UNANSWERED}
	 */
	public String errorCode() {
		return this.errorCode;
	}

	/**
	 * Returns the server's explanation (Python: {@code error_message}).
	 * @return the error message
	 */
	public String errorMessage() {
		return this.errorMessage;
	}

}
