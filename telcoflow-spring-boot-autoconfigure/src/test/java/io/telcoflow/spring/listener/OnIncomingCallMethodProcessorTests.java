package io.telcoflow.spring.listener;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.audio.AudioStream;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.event.CallHandlerSelectedListener;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.autoproxy.BeanNameAutoProxyCreator;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.expression.BeanFactoryResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * Tests for {@link OnIncomingCallMethodProcessor}, {@link IncomingCallEndpointRegistry}
 * and {@link IncomingCallDispatcher}.
 */
class OnIncomingCallMethodProcessorTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(ListenerConfiguration.class)
		.withBean(Invocations.class);

	@Test
	void methodTakingTheCallAndItsMetadataIsInvokedWithBoth() {
		this.contextRunner.withUserConfiguration(FullSignatureHandler.class).run((context) -> {
			ActiveCall call = call("c1", "+441632960001", "+441632960999");
			dispatcher(context, UnmatchedCallAction.FAIL).onIncomingCall(call);
			Invocations invocations = context.getBean(Invocations.class);
			assertThat(invocations.calls).containsExactly(call);
			assertThat(invocations.metadata).containsExactly(
					new IncomingCall("c1", "+441632960001", "+441632960999", Instant.parse("2026-01-01T00:00:00Z")));
			assertThat(invocations.audio).containsExactly(call.audioStream());
		});
	}

	@Test
	void methodWithoutParametersIsInvoked() {
		this.contextRunner.withUserConfiguration(NoArgHandler.class).run((context) -> {
			dispatcher(context, UnmatchedCallAction.FAIL).onIncomingCall(call("c1", null, null));
			assertThat(context.getBean(Invocations.class).names).containsExactly("noArgs");
		});
	}

	@Test
	void methodWithUnsupportedParameterFailsTheContextNamingTheMethod() {
		this.contextRunner.withUserConfiguration(UnsupportedParameterHandler.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.isInstanceOf(InvalidIncomingCallHandlerException.class)
				.hasMessageContaining(UnsupportedParameterHandler.class.getName() + ".onCall")
				.hasMessageContaining("parameter 1 of type java.lang.String cannot be resolved");
		});
	}

	@Test
	void invalidConditionFailsTheContextNamingTheMethod() {
		this.contextRunner.withUserConfiguration(InvalidConditionHandler.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.isInstanceOf(InvalidIncomingCallHandlerException.class)
				.hasMessageContaining(InvalidConditionHandler.class.getName() + ".onCall")
				.hasMessageContaining("is not a valid SpEL expression");
		});
	}

	@Test
	void misspeltPropertyInConditionFailsTheContextNamingTheMethodAndTheProperty() {
		this.contextRunner.withUserConfiguration(MisspeltConditionHandler.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.isInstanceOf(InvalidIncomingCallHandlerException.class)
				.hasMessageContaining(MisspeltConditionHandler.class.getName() + ".onCall")
				.hasMessageContaining("reads property 'callerNumbr', which a call does not have");
		});
	}

	@Test
	void misspeltPropertyBeforeAMethodCallOrInAnArgumentFailsTheContext() {
		this.contextRunner.withUserConfiguration(MisspeltReceiverHandler.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasMessageContaining("property 'calleNumber'");
		});
		this.contextRunner.withUserConfiguration(BeanConditionHandler.class, MisspeltArgumentHandler.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasMessageContaining(MisspeltArgumentHandler.class.getName() + ".onCall")
					.hasMessageContaining("property 'caller'");
			});
	}

	@Test
	void conditionThatFailsForACallDoesNotCostTheCallAHandlerAfterIt() {
		this.contextRunner.withUserConfiguration(NullUnsafeConditionHandlers.class).run((context) -> {
			IncomingCallDispatcher dispatcher = dispatcher(context, UnmatchedCallAction.FAIL);
			dispatcher.onIncomingCall(call("1", null, null));
			dispatcher.onIncomingCall(call("2", "+441632960001", null));
			assertThat(context.getBean(Invocations.class).names).containsExactly("fallback:1", "uk:2");
		});
	}

	@Test
	void unknownFailureActionOrMissingErrorHandlerFailsTheContextNamingTheMethod() {
		this.contextRunner.withUserConfiguration(UnknownFailureActionHandler.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasMessageContaining(UnknownFailureActionHandler.class.getName() + ".onCall")
				.hasMessageContaining("its failureAction 'HANGUP' is none of [DISCONNECT, CLOSE]");
		});
		this.contextRunner.withUserConfiguration(OwnFailureHandlingHandlers.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasMessageContaining(".apologising")
				.hasMessageContaining("its errorHandler 'apology' is not an IncomingCallErrorHandler bean");
		});
	}

	@Test
	void errorHandlerThatReturnsHandlesTheFailure() {
		this.contextRunner.withUserConfiguration(OwnFailureHandlingHandlers.class)
			.withBean("apology", IncomingCallErrorHandler.class, () -> (call, exception) -> call.connect())
			.run((context) -> {
				ActiveCall call = call("1", null, "+441632960001");
				dispatcher(context, UnmatchedCallAction.FAIL).onIncomingCall(call);
				then(call).should().connect();
				then(call).should(never()).disconnectAsync();
				then(call).should(never()).closeAsync();
			});
	}

	@Test
	void handlerFailureActionEndsTheCallBeforeTheFailureReachesTheClient() {
		this.contextRunner.withUserConfiguration(OwnFailureHandlingHandlers.class)
			.withBean("apology", IncomingCallErrorHandler.class, () -> (call, exception) -> {
				throw new IllegalStateException("no agent free", exception);
			})
			.run((context) -> {
				IncomingCallDispatcher dispatcher = dispatcher(context, UnmatchedCallAction.FAIL);
				ActiveCall apologising = endingCall("1", "+441632960001");
				assertThatExceptionOfType(IllegalStateException.class)
					.isThrownBy(() -> dispatcher.onIncomingCall(apologising))
					.withMessage("no agent free");
				then(apologising).should().disconnectAsync();
				ActiveCall releasing = endingCall("2", "+441632960002");
				assertThatExceptionOfType(java.io.IOException.class)
					.isThrownBy(() -> dispatcher.onIncomingCall(releasing));
				then(releasing).should().closeAsync();
				then(releasing).should(never()).disconnectAsync();
			});
	}

	@Test
	void customArgumentResolverBeanServesItsType() {
		this.contextRunner.withUserConfiguration(UnsupportedParameterHandler.class)
			.withBean(CallArgumentResolver.class, () -> CallArgumentResolver.forType(String.class, ActiveCall::getCallId))
			.run((context) -> {
				dispatcher(context, UnmatchedCallAction.FAIL).onIncomingCall(call("c7", null, null));
				assertThat(context.getBean(Invocations.class).names).containsExactly("c7");
			});
	}

	@Test
	void firstMatchingHandlerByConditionAndOrderTakesTheCall() {
		this.contextRunner.withUserConfiguration(RoutingHandlers.class)
			.withPropertyValues("sales.number=+441632960100")
			.run((context) -> {
				IncomingCallDispatcher dispatcher = dispatcher(context, UnmatchedCallAction.FAIL);
				dispatcher.onIncomingCall(call("1", "+441632960001", "+441632960100"));
				dispatcher.onIncomingCall(call("2", "+33123456789", "+441632960200"));
				dispatcher.onIncomingCall(call("3", "+441632960001", "+441632960200"));
				dispatcher.onIncomingCall(call("4", null, "+441632960200"));
				assertThat(context.getBean(Invocations.class).names).containsExactly("sales:1", "international:2",
						"fallback:3", "fallback:4");
			});
	}

	@Test
	void endpointsWithEqualOrderAreTriedWithConditionsFirst() {
		this.contextRunner.withUserConfiguration(RoutingHandlers.class).run((context) -> {
			List<IncomingCallEndpoint> endpoints = context.getBean(IncomingCallEndpointRegistry.class).getEndpoints();
			assertThat(endpoints).extracting((endpoint) -> endpoint.getMethod().getName())
				.containsExactly("sales", "international", "fallback");
		});
	}

	@Test
	void conditionCanReferToBeans() {
		this.contextRunner.withUserConfiguration(BeanConditionHandler.class).run((context) -> {
			IncomingCallEndpointRegistry registry = context.getBean(IncomingCallEndpointRegistry.class);
			assertThat(registry.findEndpoint(metadata("1", "+441632960001", null))).isNotNull();
			assertThat(registry.findEndpoint(metadata("2", "+441632960002", null))).isNull();
		});
	}

	@Test
	void unmatchedCallFailsWhenConfigured() {
		this.contextRunner.withUserConfiguration(RoutingHandlers.class).run((context) -> {
			IncomingCallDispatcher dispatcher = new IncomingCallDispatcher(registryWithout(context, "fallback"),
					UnmatchedCallAction.FAIL);
			ActiveCall call = call("9", "+441632960001", "+441632960200");
			assertThatExceptionOfType(UnmatchedCallException.class).isThrownBy(() -> dispatcher.onIncomingCall(call))
				.withMessageContaining("call 9")
				.withMessageNotContaining("+44");
			then(call).should(never()).disconnect();
		});
	}

	@Test
	void unmatchedCallIsDeclinedWhenConfigured() throws Exception {
		ActiveCall call = call("9", "+441632960001", "+441632960200");
		new IncomingCallDispatcher(new IncomingCallEndpointRegistry(), UnmatchedCallAction.DECLINE).onIncomingCall(call);
		then(call).should().disconnect();
	}

	@Test
	void selectionListenersLearnWhichHandlerTookTheCallBeforeItRuns() {
		this.contextRunner.withUserConfiguration(NoArgHandler.class).run((context) -> {
			Invocations invocations = context.getBean(Invocations.class);
			List<String> selected = new CopyOnWriteArrayList<>();
			IncomingCallDispatcher dispatcher = new IncomingCallDispatcher(
					context.getBean(IncomingCallEndpointRegistry.class), UnmatchedCallAction.FAIL,
					List.of((call, handler) -> selected.add(call.getCallId() + ":" + handler + ":"
							+ invocations.names.size()), (call, handler) -> {
								throw new IllegalStateException("broken monitoring");
							}));
			dispatcher.onIncomingCall(call("1", null, null));
			String beanName = context.getBeanNamesForType(NoArgHandler.class)[0];
			assertThat(selected).containsExactly("1:" + beanName + ".noArgs:0");
			assertThat(invocations.names).containsExactly("noArgs");
		});
	}

	@Test
	void exceptionThrownByTheHandlerPropagatesUnchanged() {
		this.contextRunner.withUserConfiguration(ThrowingHandler.class).run((context) -> {
			IncomingCallDispatcher dispatcher = dispatcher(context, UnmatchedCallAction.FAIL);
			assertThatExceptionOfType(java.io.IOException.class)
				.isThrownBy(() -> dispatcher.onIncomingCall(call("1", null, null)))
				.withMessage("model unavailable");
		});
	}

	@Test
	void handlersScopeHearsOfTheFailureBeforeItIsClosed() {
		this.contextRunner.withUserConfiguration(ThrowingHandler.class).run((context) -> {
			List<String> scopeEvents = new CopyOnWriteArrayList<>();
			CallHandlerSelectedListener listener = new CallHandlerSelectedListener() {

				@Override
				public void onCallHandlerSelected(ActiveCall call, String handler) {
				}

				@Override
				public HandlerScope openHandlerScope(ActiveCall call) {
					return new HandlerScope() {

						@Override
						public void handlerFailed(Throwable failure) {
							scopeEvents.add("failed:" + failure.getMessage());
						}

						@Override
						public void close() {
							scopeEvents.add("closed");
						}

					};
				}

			};
			IncomingCallDispatcher dispatcher = new IncomingCallDispatcher(
					context.getBean(IncomingCallEndpointRegistry.class), UnmatchedCallAction.FAIL, List.of(listener));
			assertThatExceptionOfType(java.io.IOException.class)
				.isThrownBy(() -> dispatcher.onIncomingCall(call("1", null, null)));
			assertThat(scopeEvents).containsExactly("failed:model unavailable", "closed");
		});
	}

	@Test
	void classProxiedBeanIsInvokedThroughTheProxy() {
		this.contextRunner.withUserConfiguration(NoArgHandler.class)
			.withBean("recordingInterceptor", RecordingInterceptor.class)
			.withBean(BeanNameAutoProxyCreator.class, () -> autoProxyCreator(true))
			.run((context) -> {
				assertThat(org.springframework.aop.support.AopUtils.isCglibProxy(context.getBean(NoArgHandler.class)))
					.isTrue();
				dispatcher(context, UnmatchedCallAction.FAIL).onIncomingCall(call("1", null, null));
				assertThat(context.getBean(Invocations.class).names).containsExactly("intercepted", "noArgs");
			});
	}

	@Test
	void interfaceProxiedBeanIsInvokedThroughTheProxyWhenTheMethodIsOnTheInterface() {
		this.contextRunner.withUserConfiguration(InterfaceHandlerConfiguration.class)
			.withBean("recordingInterceptor", RecordingInterceptor.class)
			.withBean(BeanNameAutoProxyCreator.class, () -> autoProxyCreator(false))
			.run((context) -> {
				assertThat(org.springframework.aop.support.AopUtils.isJdkDynamicProxy(context.getBean(CallTaker.class)))
					.isTrue();
				dispatcher(context, UnmatchedCallAction.FAIL).onIncomingCall(call("1", null, null));
				assertThat(context.getBean(Invocations.class).names).containsExactly("intercepted", "onInterface");
			});
	}

	@Test
	void interfaceProxiedBeanWhoseMethodIsNotOnTheInterfaceFailsTheContext() {
		this.contextRunner.withUserConfiguration(NotOnInterfaceHandlerConfiguration.class)
			.withBean("recordingInterceptor", RecordingInterceptor.class)
			.withBean(BeanNameAutoProxyCreator.class, () -> autoProxyCreator(false))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.isInstanceOf(InvalidIncomingCallHandlerException.class)
					.hasMessageContaining(NotOnInterfaceHandler.class.getName() + ".onCall")
					.hasMessageContaining("proxy");
			});
	}

	@Test
	void composedAnnotationIsFound() {
		this.contextRunner.withUserConfiguration(ComposedAnnotationHandler.class).run((context) -> {
			List<IncomingCallEndpoint> endpoints = context.getBean(IncomingCallEndpointRegistry.class).getEndpoints();
			assertThat(endpoints).singleElement().satisfies((endpoint) -> {
				assertThat(endpoint.getOrder()).isEqualTo(-5);
				assertThat(endpoint.hasCondition()).isTrue();
			});
		});
	}

	@Test
	void scopedProxyIsRegisteredOnceAndInvokedThroughTheProxy() {
		this.contextRunner.withUserConfiguration(ScopedHandlerConfiguration.class).run((context) -> {
			List<IncomingCallEndpoint> endpoints = context.getBean(IncomingCallEndpointRegistry.class).getEndpoints();
			assertThat(endpoints).singleElement().satisfies((endpoint) -> assertThat(endpoint.getBeanName())
				.isEqualTo("scopedHandler"));
			dispatcher(context, UnmatchedCallAction.FAIL).onIncomingCall(call("1", null, null));
			assertThat(context.getBean(Invocations.class).names).containsExactly("noArgs");
		});
	}

	private static IncomingCallDispatcher dispatcher(AssertableApplicationContext context,
			UnmatchedCallAction action) {
		return new IncomingCallDispatcher(context.getBean(IncomingCallEndpointRegistry.class), action);
	}

	private static IncomingCallEndpointRegistry registryWithout(AssertableApplicationContext context, String method) {
		IncomingCallEndpointRegistry registry = new IncomingCallEndpointRegistry();
		context.getBean(IncomingCallEndpointRegistry.class)
			.getEndpoints()
			.stream()
			.filter((endpoint) -> !endpoint.getMethod().getName().equals(method))
			.forEach(registry::register);
		return registry;
	}

	static IncomingCall metadata(String id, @Nullable String caller, @Nullable String callee) {
		return new IncomingCall(id, caller, callee, Instant.parse("2026-01-01T00:00:00Z"));
	}

	static ActiveCall call(String id, @Nullable String caller, @Nullable String callee) {
		ActiveCall call = mock(ActiveCall.class);
		given(call.getCallId()).willReturn(id);
		given(call.getCallerNumber()).willReturn(caller);
		given(call.getCalleeNumber()).willReturn(callee);
		given(call.getOfferedAt()).willReturn(Instant.parse("2026-01-01T00:00:00Z"));
		AudioStream audio = mock(AudioStream.class);
		given(call.audioStream()).willReturn(audio);
		given(call.terminationFuture()).willReturn(new CompletableFuture<>());
		return call;
	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		static OnIncomingCallMethodProcessor onIncomingCallMethodProcessor() {
			return new OnIncomingCallMethodProcessor();
		}

		@Bean
		IncomingCallEndpointRegistry incomingCallEndpointRegistry(BeanFactory beanFactory) {
			return new IncomingCallEndpointRegistry(new BeanFactoryResolver(beanFactory));
		}

	}

	static class Invocations {

		final List<String> names = new CopyOnWriteArrayList<>();

		final List<ActiveCall> calls = new CopyOnWriteArrayList<>();

		final List<IncomingCall> metadata = new CopyOnWriteArrayList<>();

		final List<AudioStream> audio = new CopyOnWriteArrayList<>();

	}

	static class FullSignatureHandler {

		private final Invocations invocations;

		FullSignatureHandler(Invocations invocations) {
			this.invocations = invocations;
		}

		@OnIncomingCall
		void onCall(IncomingCall metadata, ActiveCall call, AudioStream audio) {
			this.invocations.metadata.add(metadata);
			this.invocations.calls.add(call);
			this.invocations.audio.add(audio);
		}

	}

	static class NoArgHandler {

		private final Invocations invocations;

		NoArgHandler(Invocations invocations) {
			this.invocations = invocations;
		}

		@OnIncomingCall
		public void noArgs() {
			this.invocations.names.add("noArgs");
		}

	}

	static class UnsupportedParameterHandler {

		private final Invocations invocations;

		UnsupportedParameterHandler(Invocations invocations) {
			this.invocations = invocations;
		}

		@OnIncomingCall
		void onCall(ActiveCall call, String callId) {
			this.invocations.names.add(callId);
		}

	}

	static class InvalidConditionHandler {

		@OnIncomingCall(condition = "callerNumber ==")
		void onCall(ActiveCall call) {
		}

	}

	static class MisspeltConditionHandler {

		@OnIncomingCall(condition = "callerNumbr == '+441632960001'")
		void onCall(ActiveCall call) {
		}

	}

	static class MisspeltReceiverHandler {

		@OnIncomingCall(condition = "calleNumber?.startsWith('+44') == true and callId != null")
		void onCall(ActiveCall call) {
		}

	}

	static class MisspeltArgumentHandler {

		@OnIncomingCall(condition = "@vipList.contains(caller)")
		void onCall(ActiveCall call) {
		}

	}

	static class NullUnsafeConditionHandlers {

		private final Invocations invocations;

		NullUnsafeConditionHandlers(Invocations invocations) {
			this.invocations = invocations;
		}

		@OnIncomingCall(condition = "callerNumber.startsWith('+44')", order = -1)
		void uk(IncomingCall call) {
			this.invocations.names.add("uk:" + call.callId());
		}

		@OnIncomingCall
		void fallback(IncomingCall call) {
			this.invocations.names.add("fallback:" + call.callId());
		}

	}

	static class UnknownFailureActionHandler {

		@OnIncomingCall(failureAction = "HANGUP")
		void onCall(ActiveCall call) {
		}

	}

	static class OwnFailureHandlingHandlers {

		@OnIncomingCall(condition = "calleeNumber == '+441632960001'", errorHandler = "apology",
				failureAction = "disconnect")
		void apologising(ActiveCall call) throws java.io.IOException {
			throw new java.io.IOException("model unavailable");
		}

		@OnIncomingCall(condition = "calleeNumber == '+441632960002'", failureAction = "${line.failure:CLOSE}")
		void releasing(ActiveCall call) throws java.io.IOException {
			throw new java.io.IOException("model unavailable");
		}

	}

	/**
	 * A mock call whose close and disconnect end it, as the server's confirmation does.
	 */
	static ActiveCall endingCall(String id, String callee) {
		ActiveCall call = call(id, null, callee);
		CompletableFuture<TerminationReason> termination = new CompletableFuture<>();
		given(call.terminationFuture()).willReturn(termination);
		given(call.disconnectAsync()).willAnswer((invocation) -> {
			termination.complete(TerminationReason.DISCONNECTED);
			return CompletableFuture.completedFuture(null);
		});
		given(call.closeAsync()).willAnswer((invocation) -> {
			termination.complete(TerminationReason.CLOSED);
			return CompletableFuture.completedFuture(null);
		});
		return call;
	}

	static class ThrowingHandler {

		@OnIncomingCall
		void onCall(ActiveCall call) throws java.io.IOException {
			throw new java.io.IOException("model unavailable");
		}

	}

	static class RoutingHandlers {

		private final Invocations invocations;

		RoutingHandlers(Invocations invocations) {
			this.invocations = invocations;
		}

		@OnIncomingCall
		void fallback(IncomingCall call) {
			this.invocations.names.add("fallback:" + call.callId());
		}

		@OnIncomingCall(condition = "callerNumber != null and !callerNumber.startsWith('+44')")
		void international(IncomingCall call) {
			this.invocations.names.add("international:" + call.callId());
		}

		@OnIncomingCall(condition = "calleeNumber == '${sales.number:+441632960100}'", order = -1)
		void sales(IncomingCall call) {
			this.invocations.names.add("sales:" + call.callId());
		}

	}

	static class BeanConditionHandler {

		@Bean
		VipList vipList() {
			return new VipList();
		}

		@OnIncomingCall(condition = "@vipList.contains(callerNumber)")
		void vip(ActiveCall call) {
		}

	}

	static class VipList {

		public boolean contains(@Nullable String number) {
			return "+441632960001".equals(number);
		}

	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@OnIncomingCall(condition = "calleeNumber == '+441632960999'", order = -5)
	@interface OnSupportLine {

	}

	static class ComposedAnnotationHandler {

		@OnSupportLine
		void support(ActiveCall call) {
		}

	}

	interface CallTaker {

		@OnIncomingCall
		void onInterface(ActiveCall call);

	}

	static class InterfaceHandler implements CallTaker {

		private final Invocations invocations;

		InterfaceHandler(Invocations invocations) {
			this.invocations = invocations;
		}

		@Override
		public void onInterface(ActiveCall call) {
			this.invocations.names.add("onInterface");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InterfaceHandlerConfiguration {

		@Bean
		CallTaker interfaceHandler(Invocations invocations) {
			return new InterfaceHandler(invocations);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ScopedHandlerConfiguration {

		@Bean
		@org.springframework.context.annotation.Scope(scopeName = "prototype",
				proxyMode = org.springframework.context.annotation.ScopedProxyMode.TARGET_CLASS)
		NoArgHandler scopedHandler(Invocations invocations) {
			return new NoArgHandler(invocations);
		}

	}

	interface Unrelated {

		void somethingElse();

	}

	static class NotOnInterfaceHandler implements Unrelated {

		@OnIncomingCall
		public void onCall(ActiveCall call) {
		}

		@Override
		public void somethingElse() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NotOnInterfaceHandlerConfiguration {

		@Bean
		Unrelated notOnInterfaceHandler() {
			return new NotOnInterfaceHandler();
		}

	}

	/**
	 * Proxies handler beans the way transactions or security would, recording each interception.
	 * @param proxyTargetClass whether to proxy the class rather than its interfaces
	 * @return the auto-proxy creator
	 */
	static BeanNameAutoProxyCreator autoProxyCreator(boolean proxyTargetClass) {
		BeanNameAutoProxyCreator creator = new BeanNameAutoProxyCreator();
		creator.setBeanNames("*Handler");
		creator.setInterceptorNames("recordingInterceptor");
		creator.setProxyTargetClass(proxyTargetClass);
		return creator;
	}

	static class RecordingInterceptor implements MethodInterceptor {

		private final Invocations invocations;

		RecordingInterceptor(Invocations invocations) {
			this.invocations = invocations;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			this.invocations.names.add("intercepted");
			return invocation.proceed();
		}

	}

}
