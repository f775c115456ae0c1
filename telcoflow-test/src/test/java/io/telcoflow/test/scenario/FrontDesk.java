package io.telcoflow.test.scenario;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.spring.annotation.OnIncomingCall;

/**
 * The application under test: answers every call, plays a short greeting and stays on the line
 * until the caller hangs up.
 */
public class FrontDesk {

	/** 100 ms of 24 kHz s16le mono, a recognisable ramp. */
	static final byte[] GREETING = greeting();

	final List<String> callers = new CopyOnWriteArrayList<>();

	@OnIncomingCall
	void onCall(ActiveCall call) {
		this.callers.add(String.valueOf(call.getCallerNumber()));
		call.answer();
		call.sendAudio(GREETING);
		call.awaitPlayback(Duration.ofSeconds(10));
		call.terminationFuture().orTimeout(10, TimeUnit.SECONDS).join();
	}

	private static byte[] greeting() {
		byte[] pcm = new byte[4800];
		for (int i = 0; i < pcm.length; i++) {
			pcm[i] = (byte) (i % 251);
		}
		return pcm;
	}

}
