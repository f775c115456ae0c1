package io.telcoflow.client.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallListener;
import io.telcoflow.client.DtmfEvent;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.client.exception.WssException;

/**
 * Records call-level events, with the thread each ran on.
 */
class RecordingCallListener implements CallListener {

	final List<String> events = new CopyOnWriteArrayList<>();

	final List<String> threads = new CopyOnWriteArrayList<>();

	final List<WssException> errors = new CopyOnWriteArrayList<>();

	final List<DtmfEvent> dtmf = new CopyOnWriteArrayList<>();

	private void record(String event) {
		this.events.add(event);
		this.threads.add(Thread.currentThread().getName());
	}

	@Override
	public void onAnswered(ActiveCall call) {
		record("answered");
	}

	@Override
	public void onAnswerFailed(ActiveCall call, WssCallCommandException failure) {
		record("answerFailed:" + failure.errorCode());
	}

	@Override
	public void onConnected(ActiveCall call) {
		record("connected");
	}

	@Override
	public void onConnectFailed(ActiveCall call, WssCallCommandException failure) {
		record("connectFailed:" + failure.errorCode());
	}

	@Override
	public void onDtmf(ActiveCall call, DtmfEvent dtmf) {
		this.dtmf.add(dtmf);
		record("dtmf:" + dtmf.digit());
	}

	@Override
	public void onTerminated(ActiveCall call, TerminationReason reason) {
		record("terminated:" + reason);
	}

	@Override
	public void onError(ActiveCall call, WssException error) {
		this.errors.add(error);
		record("error:" + error.getClass().getSimpleName());
	}

}
