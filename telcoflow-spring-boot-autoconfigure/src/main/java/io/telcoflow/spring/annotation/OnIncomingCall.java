package io.telcoflow.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as a handler of incoming Telcoflow calls. The method runs on the call's own
 * thread with the call's media connection open and the call in state {@code PENDING}; it owns the
 * call until it returns (typically: answer, run the audio loop, hang up).
 * <pre class="code">
 * &#64;Component
 * class FrontDesk {
 *
 *     &#64;OnIncomingCall
 *     void onCall(ActiveCall call) {
 *         call.answer();
 *         for (byte[] chunk : call.audioStream()) {
 *             // ...
 *         }
 *     }
 *
 * }
 * </pre>
 * <p>
 * <b>Parameters</b> are resolved by type, in any order:
 * <ul>
 * <li>{@link io.telcoflow.client.ActiveCall}: the call, to answer, connect, send audio and end it;</li>
 * <li>{@link io.telcoflow.spring.listener.IncomingCall}: the call's metadata (id, caller and callee
 * numbers, offer time);</li>
 * <li>{@link io.telcoflow.client.audio.AudioStream}: the caller's audio;</li>
 * <li>any type that a {@link io.telcoflow.spring.listener.CallArgumentResolver} bean supports.</li>
 * </ul>
 * A method with a parameter of any other type fails the application context at startup, naming
 * the method. The return value, if any, is ignored. A method that throws ends its own call (per
 * {@link #failureAction()}, by default {@code telcoflow.handler.failure-action}) and no other; the
 * failure is reported like any SDK exception, unless the method's {@link #errorHandler()} handles
 * it.
 * <p>
 * <b>Routing</b>: each call goes to exactly one method, the first in {@link #order()} whose
 * {@link #condition()} matches. Methods with the same order are tried with conditions before those
 * without, then in registration order. A call that no method matches is handled per
 * {@code telcoflow.handler.unmatched-call}.
 * <p>
 * Works on proxied beans (transactions, security, ...): the method is found on the target class
 * and invoked through the proxy. With a JDK interface proxy the method must be declared on one of
 * the proxied interfaces.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnIncomingCall {

	/**
	 * A SpEL expression that must evaluate to {@code true} for this method to take the call. Its
	 * root object is the call's {@link io.telcoflow.spring.listener.IncomingCall}, so it can use
	 * {@code callId}, {@code callerNumber}, {@code calleeNumber} and {@code offeredAt} (the numbers
	 * may be {@code null}), for example {@code "calleeNumber == '+441632960999'"} or
	 * {@code "callerNumber?.startsWith('+44') == true"}. Property placeholders ({@code ${...}}) are
	 * resolved first and beans are available as {@code @beanName}. Checked at startup, without
	 * being evaluated: an invalid expression, or one that reads a property or method a call does
	 * not have (a misspelt {@code callerNumbr}), fails the context naming the method and the name.
	 * A condition that fails for one call at run time (a {@code null} number dereferenced, a bean
	 * that throws) is logged at {@code WARN} and counts as not matching, so the next method can take
	 * the call. Default: empty, matching every call.
	 * @return the condition
	 */
	String condition() default "";

	/**
	 * The order in which methods are tried; lower values first.
	 * @return the order (default 0)
	 */
	int order() default 0;

	/**
	 * How the call is ended when this method throws: {@code "DISCONNECT"} (every party) or
	 * {@code "CLOSE"} (release the call; after {@code connect} caller and callee stay connected), as
	 * {@link io.telcoflow.client.HandlerFailureAction}. Property placeholders are resolved; an unknown
	 * value fails the context at startup. Default: empty, {@code telcoflow.handler.failure-action}.
	 * @return the failure action
	 */
	String failureAction() default "";

	/**
	 * The name of an {@link io.telcoflow.spring.listener.IncomingCallErrorHandler} bean that gets
	 * what this method throws before the call is ended: it can handle the failure (the call goes on
	 * as it leaves it, nothing is reported) or throw to end the call per {@link #failureAction()}
	 * and report the failure. A missing bean fails the context at startup. Default: empty, no error
	 * handler.
	 * @return the error handler's bean name
	 */
	String errorHandler() default "";

}
