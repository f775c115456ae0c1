package io.telcoflow.client;

import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.client.exception.WssException;

/**
 * Call-level events (Python: {@code call.on(...)}). Methods run on an SDK event thread in the
 * order the events happened for that call, never on a socket thread; a listener that throws is
 * logged and does not affect the call. Every method does nothing by default.
 */
public interface CallListener {

	/**
	 * The call was answered ({@code CALL_ANSWERED}).
	 * @param call the call
	 */
	default void onAnswered(ActiveCall call) {
	}

	/**
	 * An {@code answer} was rejected ({@code CALL_ANSWER_FAILED}); the call stays as it was.
	 * @param call the call
	 * @param failure the rejection
	 */
	default void onAnswerFailed(ActiveCall call, WssCallCommandException failure) {
	}

	/**
	 * The callee answered a {@code connect} ({@code CALL_CONNECTED}).
	 * @param call the call
	 */
	default void onConnected(ActiveCall call) {
	}

	/**
	 * A {@code connect} failed ({@code CALL_CONNECT_FAILED}), for example with
	 * {@code CALL_UNANSWERED}; the call stays as it was.
	 * @param call the call
	 * @param failure the rejection
	 */
	default void onConnectFailed(ActiveCall call, WssCallCommandException failure) {
	}

	/**
	 * The caller pressed a key.
	 * @param call the call
	 * @param dtmf the key
	 */
	default void onDtmf(ActiveCall call, DtmfEvent dtmf) {
	}

	/**
	 * The call ended ({@code CALL_TERMINATED}); raised exactly once per call.
	 * @param call the call
	 * @param reason why it ended
	 */
	default void onTerminated(ActiveCall call, TerminationReason reason) {
	}

	/**
	 * An SDK error concerning this call ({@code CALL_ERROR}), such as a lost media connection.
	 * @param call the call
	 * @param error the error
	 */
	default void onError(ActiveCall call, WssException error) {
	}

}
