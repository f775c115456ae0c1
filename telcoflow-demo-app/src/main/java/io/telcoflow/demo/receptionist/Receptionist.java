package io.telcoflow.demo.receptionist;

import java.io.IOException;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallListener;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.client.exception.WssException;
import io.telcoflow.demo.DemoProperties;
import io.telcoflow.spring.annotation.OnIncomingCall;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The scripted receptionist of profile {@code scripted}: takes every call offered to the
 * application, see {@link ReceptionistCall} for what it does. No model: recorded prompts, a voice
 * detector and the keypad, what the SDK alone offers.
 * Handles the SDK's exceptions as its error-handling guide recommends, the specific ones first:
 * a call that ended under its feet is the normal end of a caller who hung up, a rejected command
 * or any other SDK error ends the call.
 */
@Component
@Profile("scripted")
public class Receptionist {

	private final Prompts prompts;

	private final DemoProperties properties;

	/**
	 * Creates the receptionist; reads its prompts at once so that a broken file fails the startup.
	 * @param properties the demo's settings
	 */
	public Receptionist(DemoProperties properties) {
		this.prompts = Prompts.load();
		this.properties = properties;
	}

	/**
	 * Handles one call, on its own thread, from offer to hang-up.
	 * @param call the call, not yet answered
	 */
	@OnIncomingCall
	public void onIncomingCall(ActiveCall call) {
		CallStory story = new CallStory(call);
		call.addListener(new CallListener() {
			@Override
			public void onTerminated(ActiveCall call, TerminationReason reason) {
				story.ended(reason);
			}
		});
		try {
			new ReceptionistCall(call, this.prompts, this.properties.getReceptionist(),
					this.properties.getRecordingsDir(), story)
				.run();
		}
		catch (WssCallClosedException | BufferClosedException ex) {
			// The race the SDK warns about: the caller hung up while we were talking or commanding.
			story.tell("the call ended while the receptionist was busy ({})", ex.getClass().getSimpleName());
		}
		catch (WssCallCommandException ex) {
			story.warn("{} failed: {} {}", ex.command(), ex.errorCode(), ex.errorMessage());
			hangUp(call, story);
		}
		catch (WssException ex) {
			story.warn("SDK error: {}", ex.getMessage());
			hangUp(call, story);
		}
		catch (IOException ex) {
			story.warn("cannot write the recording: {}", ex.getMessage());
			hangUp(call, story);
		}
	}

	private static void hangUp(ActiveCall call, CallStory story) {
		try {
			call.disconnect();
		}
		catch (WssCallClosedException ex) {
			// Already over.
		}
		catch (WssException ex) {
			story.warn("could not hang up: {}", ex.getMessage());
		}
	}

}
