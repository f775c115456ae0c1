package io.telcoflow.spring.listener;

import java.io.Serial;
import java.lang.reflect.Method;

import org.springframework.util.ClassUtils;

/**
 * Thrown at startup when an {@link io.telcoflow.spring.annotation.OnIncomingCall @OnIncomingCall}
 * method cannot be served: a parameter no resolver supports, an invalid condition, or a method a
 * proxy cannot invoke. The message names the method.
 */
public class InvalidIncomingCallHandlerException extends IllegalStateException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient Method method;

	/** Name of the bean that declares the method. */
	private final String beanName;

	/** Why the method cannot be served. */
	private final String reason;

	/** What to change so that the method can be served. */
	private final String action;

	/**
	 * Creates the exception.
	 * @param method the handler method
	 * @param beanName the name of the bean that declares it
	 * @param reason why it cannot be served
	 * @param action what to change
	 */
	public InvalidIncomingCallHandlerException(Method method, String beanName, String reason, String action) {
		super("Invalid @OnIncomingCall method " + ClassUtils.getQualifiedMethodName(method) + " (bean '" + beanName
				+ "'): " + reason);
		this.method = method;
		this.beanName = beanName;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * Returns the handler method.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	/**
	 * Returns the name of the bean that declares the method.
	 * @return the bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * Returns why the method cannot be served.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Returns what to change so that the method can be served.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
