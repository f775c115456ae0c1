package io.telcoflow.spring.listener;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.HandlerFailureAction;
import io.telcoflow.client.audio.AudioStream;
import io.telcoflow.spring.annotation.OnIncomingCall;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedObject;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Finds {@link OnIncomingCall @OnIncomingCall} methods on beans (on the target class of proxies and
 * scoped proxies, with meta-annotations merged) once every singleton exists, and registers an
 * {@link IncomingCallEndpoint} for each in the {@link IncomingCallEndpointRegistry}. Every
 * parameter must have a resolver and the condition must parse and read only what a call has
 * (checked against the registry's evaluation context, without evaluating it), or the context fails with an
 * {@link InvalidIncomingCallHandlerException}.
 * <p>
 * Working on bean names after all singletons are created (as Spring's
 * {@code EventListenerMethodProcessor} does) means the endpoint invokes the final bean, whatever
 * post-processors proxied it, and that lazy and scoped handler beans are found too. Handler beans
 * should be singletons: a prototype is created once here.
 */
public class OnIncomingCallMethodProcessor implements SmartInitializingSingleton, BeanFactoryAware {

	private static final List<CallArgumentResolver> BUILT_IN_RESOLVERS = List.of(
			CallArgumentResolver.forType(ActiveCall.class, (call) -> call),
			CallArgumentResolver.forType(IncomingCall.class, IncomingCall::of),
			CallArgumentResolver.forType(AudioStream.class, ActiveCall::audioStream));

	private static final String SUPPORTED_TYPES = "ActiveCall, IncomingCall, AudioStream, "
			+ "or a type that a CallArgumentResolver bean supports";

	private final SpelExpressionParser parser = new SpelExpressionParser();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private volatile @Nullable List<CallArgumentResolver> resolvers;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory,
				"OnIncomingCallMethodProcessor requires a ConfigurableListableBeanFactory");
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ConfigurableListableBeanFactory beanFactory = getBeanFactory();
		IncomingCallEndpointRegistry registry = beanFactory.getBean(IncomingCallEndpointRegistry.class);
		for (String beanName : beanFactory.getBeanNamesForType(Object.class)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = determineTargetClass(beanFactory, beanName);
			Map<Method, OnIncomingCall> methods = (type != null) ? findAnnotatedMethods(type) : Map.of();
			if (!methods.isEmpty()) {
				Object bean = beanFactory.getBean(beanName);
				methods.forEach(
						(method, annotation) -> registry.register(createEndpoint(bean, beanName, method, annotation, registry)));
			}
		}
	}

	private static @Nullable Class<?> determineTargetClass(ConfigurableListableBeanFactory beanFactory,
			String beanName) {
		Class<?> type = AutoProxyUtils.determineTargetClass(beanFactory, beanName);
		if (type != null && ScopedObject.class.isAssignableFrom(type)) {
			Class<?> targetClass = AutoProxyUtils.determineTargetClass(beanFactory,
					ScopedProxyUtils.getTargetBeanName(beanName));
			return (targetClass != null) ? targetClass : type;
		}
		return type;
	}

	/**
	 * Returns the {@link OnIncomingCall @OnIncomingCall} methods of a class.
	 * @param type the class
	 * @return the methods with their merged annotation
	 */
	public static Map<Method, OnIncomingCall> findAnnotatedMethods(Class<?> type) {
		if (!AnnotationUtils.isCandidateClass(type, OnIncomingCall.class)) {
			return Map.of();
		}
		return MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<OnIncomingCall>) (
				method) -> AnnotatedElementUtils.findMergedAnnotation(method, OnIncomingCall.class));
	}

	private IncomingCallEndpoint createEndpoint(Object bean, String beanName, Method method,
			OnIncomingCall annotation, IncomingCallEndpointRegistry registry) {
		Method invocable = selectInvocableMethod(bean, beanName, method);
		CallArgumentResolver[] parameterResolvers = new CallArgumentResolver[method.getParameterCount()];
		for (int i = 0; i < parameterResolvers.length; i++) {
			parameterResolvers[i] = findResolver(new MethodParameter(method, i), beanName);
		}
		return new IncomingCallEndpoint(beanName, bean, invocable, parameterResolvers,
				parseCondition(annotation.condition(), method, beanName, registry), annotation.order(),
				parseFailureAction(annotation.failureAction(), method, beanName),
				findErrorHandler(annotation.errorHandler(), method, beanName));
	}

	private @Nullable HandlerFailureAction parseFailureAction(String failureAction, Method method, String beanName) {
		String resolved = getBeanFactory().resolveEmbeddedValue(failureAction);
		if (!StringUtils.hasText(resolved)) {
			return null;
		}
		for (HandlerFailureAction action : HandlerFailureAction.values()) {
			if (action.name().equalsIgnoreCase(resolved.trim())) {
				return action;
			}
		}
		throw new InvalidIncomingCallHandlerException(method, beanName,
				"its failureAction '" + resolved + "' is none of " + Arrays.toString(HandlerFailureAction.values()),
				"Set failureAction to DISCONNECT or CLOSE, or leave it empty for telcoflow.handler.failure-action.");
	}

	private @Nullable IncomingCallErrorHandler findErrorHandler(String name, Method method, String beanName) {
		String resolved = getBeanFactory().resolveEmbeddedValue(name);
		if (!StringUtils.hasText(resolved)) {
			return null;
		}
		try {
			return getBeanFactory().getBean(resolved, IncomingCallErrorHandler.class);
		}
		catch (BeansException ex) {
			throw new InvalidIncomingCallHandlerException(method, beanName,
					"its errorHandler '" + resolved + "' is not an IncomingCallErrorHandler bean: " + ex.getMessage(),
					"Define an IncomingCallErrorHandler bean named '" + resolved + "', or fix the name.");
		}
	}

	private Method selectInvocableMethod(Object bean, String beanName, Method method) {
		try {
			return AopUtils.selectInvocableMethod(method, bean.getClass());
		}
		catch (IllegalStateException ex) {
			throw new InvalidIncomingCallHandlerException(method, beanName,
					"the bean is a proxy that cannot invoke it: " + ex.getMessage(),
					"Declare the method on an interface that the proxy implements, make it non-private, or use "
							+ "class-based (CGLIB) proxies, for example with 'spring.aop.proxy-target-class=true'.");
		}
	}

	private CallArgumentResolver findResolver(MethodParameter parameter, String beanName) {
		for (CallArgumentResolver resolver : getResolvers()) {
			if (resolver.supportsParameter(parameter)) {
				return resolver;
			}
		}
		Method method = parameter.getMethod();
		Assert.state(method != null, "Parameter is not a method parameter");
		throw new InvalidIncomingCallHandlerException(method, beanName,
				"parameter " + parameter.getParameterIndex() + " of type "
						+ parameter.getParameterType().getName() + " cannot be resolved; supported are "
						+ SUPPORTED_TYPES,
				"Remove the parameter, change its type to one of " + SUPPORTED_TYPES + ", or define a "
						+ "CallArgumentResolver bean that supports it.");
	}

	private @Nullable Expression parseCondition(String condition, Method method, String beanName,
			IncomingCallEndpointRegistry registry) {
		String resolved = getBeanFactory().resolveEmbeddedValue(condition);
		if (!StringUtils.hasText(resolved)) {
			return null;
		}
		SpelExpression expression;
		try {
			expression = this.parser.parseRaw(resolved);
		}
		catch (ParseException ex) {
			throw new InvalidIncomingCallHandlerException(method, beanName,
					"its condition '" + resolved + "' is not a valid SpEL expression: " + ex.getMessage(),
					"Fix the condition; it is evaluated against the call's IncomingCall, for example "
							+ "\"calleeNumber == '+441632960999'\".");
		}
		EvaluationContext context = registry.createEvaluationContext(ConditionValidator.sample());
		String unknown = ConditionValidator.findUnknownName(expression, context);
		if (unknown != null) {
			throw new InvalidIncomingCallHandlerException(method, beanName,
					"its condition '" + resolved + "' reads " + unknown + ", which a call does not have",
					"Fix the condition; a call has the properties callId, callerNumber, calleeNumber and offeredAt.");
		}
		return expression;
	}

	private List<CallArgumentResolver> getResolvers() {
		List<CallArgumentResolver> resolvers = this.resolvers;
		if (resolvers == null) {
			resolvers = new ArrayList<>();
			getBeanFactory().getBeanProvider(CallArgumentResolver.class).orderedStream().forEach(resolvers::add);
			resolvers.addAll(BUILT_IN_RESOLVERS);
			resolvers = List.copyOf(resolvers);
			this.resolvers = resolvers;
		}
		return resolvers;
	}

	private ConfigurableListableBeanFactory getBeanFactory() {
		Assert.state(this.beanFactory != null, "BeanFactory has not been set");
		return this.beanFactory;
	}

}
