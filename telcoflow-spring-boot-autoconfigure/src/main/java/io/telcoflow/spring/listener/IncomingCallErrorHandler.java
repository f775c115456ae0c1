package io.telcoflow.spring.listener;

import io.telcoflow.client.ActiveCall;

/**
 * Handles what one {@link io.telcoflow.spring.annotation.OnIncomingCall @OnIncomingCall} method
 * throws, named by its {@link io.telcoflow.spring.annotation.OnIncomingCall#errorHandler()
 * errorHandler} attribute: for example, apologise to the caller and connect them to a person when
 * the voice agent's model is down.
 * <pre class="code">
 * &#64;Bean
 * IncomingCallErrorHandler toReception() {
 *     return (call, exception) -&gt; call.connect();
 * }
 * </pre>
 * It runs on the call's thread, right after the method threw.
 */
@FunctionalInterface
public interface IncomingCallErrorHandler {

	/**
	 * Handles a failure of a handler method.
	 * <ul>
	 * <li>Returning normally means the failure is handled: the call is left as this method left it
	 * (it may go on, for example connected to a person) and is not reported as a failure.</li>
	 * <li>Throwing (the same exception or another) means it is not: the call is ended per the
	 * method's failure action and the exception thrown here is reported.</li>
	 * </ul>
	 * @param call the call
	 * @param exception what the handler method threw
	 * @throws Exception to report the failure and end the call
	 */
	void handleError(ActiveCall call, Exception exception) throws Exception;

}
