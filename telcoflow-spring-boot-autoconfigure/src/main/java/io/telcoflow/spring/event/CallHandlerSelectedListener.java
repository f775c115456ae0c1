package io.telcoflow.spring.event;

import io.telcoflow.client.ActiveCall;

/**
 * Callback for beans that want to know which handler took a call; the incoming-call dispatcher
 * calls every bean of this type on the call's thread, just before the handler method runs. The
 * per-call {@code Observation} uses it for its {@code handler} key.
 */
@FunctionalInterface
public interface CallHandlerSelectedListener {

	/**
	 * A handler was chosen for a call.
	 * @param call the call
	 * @param handler the handler's name, {@code beanName.methodName}
	 */
	void onCallHandlerSelected(ActiveCall call, String handler);

}
