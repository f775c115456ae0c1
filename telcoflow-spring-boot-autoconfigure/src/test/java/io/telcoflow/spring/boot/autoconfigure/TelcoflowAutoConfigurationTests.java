package io.telcoflow.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.HandlerFailureAction;
import io.telcoflow.client.IncomingCallHandler;
import io.telcoflow.client.ReconnectBackoff;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.spring.listener.IncomingCallDispatcher;
import io.telcoflow.spring.listener.IncomingCallEndpointRegistry;
import io.telcoflow.spring.listener.OnIncomingCallMethodProcessor;
import io.telcoflow.spring.listener.ShutdownAction;
import io.telcoflow.spring.listener.TelcoflowLifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link TelcoflowAutoConfiguration}.
 */
class TelcoflowAutoConfigurationTests {

	static final String CONNECTOR_UUID = "0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d70";

	static final String TLS = "classpath:io/telcoflow/simulator/tls/";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TelcoflowAutoConfiguration.class, SslAutoConfiguration.class));

	// Nothing listens on port 1: a real client keeps reconnecting in the background.
	private final ApplicationContextRunner validRunner = this.contextRunner.withPropertyValues(
			"telcoflow.url=ws://127.0.0.1:1", "telcoflow.api-key=secret-key",
			"telcoflow.connector-uuid=" + CONNECTOR_UUID);

	private final ApplicationContextRunner mockClientRunner = this.validRunner.withBean(TelcoflowClient.class,
			() -> mock(TelcoflowClient.class));

	// A real client that is never started: its lifecycle is a mock.
	private final ApplicationContextRunner notStartedRunner = this.validRunner.withBean(TelcoflowLifecycle.class,
			() -> mock(TelcoflowLifecycle.class));

	@Test
	void createsClientDispatcherAndLifecycleAndStartsDespiteAServerThatIsDown() {
		this.validRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(TelcoflowClient.class)
				.hasSingleBean(TelcoflowConfig.class)
				.hasSingleBean(PropertiesTelcoflowConnectionDetails.class)
				.hasSingleBean(OnIncomingCallMethodProcessor.class)
				.hasSingleBean(IncomingCallEndpointRegistry.class)
				.hasSingleBean(IncomingCallDispatcher.class)
				.hasSingleBean(TelcoflowLifecycle.class)
				.hasSingleBean(TelcoflowCallExecutor.class);
			assertThat(context.getBean(TelcoflowLifecycle.class).isRunning()).isTrue();
			assertThat(context.getBean(TelcoflowClient.class).getConnectionState()).isNotIn(ConnectionState.NEW,
					ConnectionState.CLOSED);
		});
	}

	@Test
	void exposesNoExecutorBeanSoThatBootsTaskExecutorStays() {
		this.validRunner.run((context) -> assertThat(context).doesNotHaveBean(Executor.class));
	}

	@Test
	void closingTheContextDisconnectsTheClient() {
		this.validRunner.run((context) -> {
			TelcoflowClient client = context.getBean(TelcoflowClient.class);
			context.close();
			assertThat(client.getConnectionState()).isEqualTo(ConnectionState.CLOSED);
		});
	}

	@Test
	void addsEveryListenerBeanToTheClientBeforeItConnects() {
		this.validRunner.withBean(RecordingListener.class).run((context) -> {
			RecordingListener listener = context.getBean(RecordingListener.class);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(listener.states).isNotEmpty());
			assertThat(listener.states.get(0)).isEqualTo(ConnectionState.NEW + "->" + ConnectionState.CONNECTING);
		});
	}

	@Test
	void addsEveryListenerBeanOnceToTheAutoConfiguredClient() {
		this.validRunner.withBean(RecordingListener.class).run((context) -> {
			RecordingListener listener = context.getBean(RecordingListener.class);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(listener.states).isNotEmpty());
			context.close();
			assertThat(listener.states).containsOnlyOnce(ConnectionState.NEW + "->" + ConnectionState.CONNECTING);
		});
	}

	@Test
	void addsEveryListenerBeanToAUserDefinedClientBeforeItConnects() {
		TelcoflowConfig config = TelcoflowConfig.builder()
			.url("ws://127.0.0.1:1")
			.apiKey("k", CONNECTOR_UUID)
			.build();
		this.contextRunner.withBean("myClient", TelcoflowClient.class, () -> TelcoflowClient.builder(config).build())
			.withBean(RecordingListener.class)
			.run((context) -> {
				RecordingListener listener = context.getBean(RecordingListener.class);
				await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(listener.states).isNotEmpty());
				assertThat(listener.states.get(0)).isEqualTo(ConnectionState.NEW + "->" + ConnectionState.CONNECTING);
			});
	}

	@Test
	void addsListenerBeansToEveryClientBean() {
		TelcoflowClient first = mock(TelcoflowClient.class);
		TelcoflowClient second = mock(TelcoflowClient.class);
		this.contextRunner.withBean("first", TelcoflowClient.class, () -> first)
			.withBean("second", TelcoflowClient.class, () -> second)
			.withBean(TelcoflowLifecycle.class, () -> mock(TelcoflowLifecycle.class))
			.withBean(IncomingCallHandler.class, () -> (call) -> {
			})
			.withBean(RecordingListener.class)
			.run((context) -> {
				RecordingListener listener = context.getBean(RecordingListener.class);
				then(first).should().addListener(listener);
				then(second).should().addListener(listener);
			});
	}

	@Test
	void appliesClientCustomizersAfterTheExecutor() {
		List<TelcoflowClient.Builder> customized = new CopyOnWriteArrayList<>();
		this.validRunner.withBean(TelcoflowClientCustomizer.class, () -> customized::add)
			.run((context) -> assertThat(customized).hasSize(1));
	}

	@Test
	void appliesConfigCustomizers() {
		this.notStartedRunner.withBean(TelcoflowConfigCustomizer.class, () -> (builder) -> builder.sampleRate(16000))
			.run((context) -> assertThat(context.getBean(TelcoflowConfig.class).getSampleRate()).isEqualTo(16000));
	}

	@Test
	void definesPropertiesBasedConnectionDetailsByDefault() {
		this.mockClientRunner.run((context) -> {
			TelcoflowConnectionDetails details = context.getBean(TelcoflowConnectionDetails.class);
			assertThat(details).isInstanceOf(PropertiesTelcoflowConnectionDetails.class);
			assertThat(details.getUrl()).isEqualTo("ws://127.0.0.1:1");
			assertThat(details.getApiKey()).isEqualTo("secret-key");
			assertThat(details.getConnectorUuid()).isEqualTo(CONNECTOR_UUID);
			assertThat(details.getSslBundle()).isNull();
		});
	}

	@Test
	void userConnectionDetailsTakePrecedenceOverProperties() {
		this.notStartedRunner.withBean(TelcoflowConnectionDetails.class, TestConnectionDetails::new).run((context) -> {
			assertThat(context).doesNotHaveBean(PropertiesTelcoflowConnectionDetails.class);
			TelcoflowConfig config = context.getBean(TelcoflowConfig.class);
			assertThat(config.getUrl()).hasToString("ws://localhost:9999");
			assertThat(config.getApiKey()).isEqualTo("other-key");
			assertThat(config.getConnectorUuid()).isEqualTo("00000000-0000-0000-0000-000000000001");
		});
	}

	@Test
	void backsOffToAUserConfig() {
		TelcoflowConfig config = TelcoflowConfig.builder()
			.url("ws://localhost:7")
			.apiKey("k", CONNECTOR_UUID)
			.maxCalls(3)
			.build();
		this.contextRunner.withBean(TelcoflowConfig.class, () -> config)
			.withBean(TelcoflowLifecycle.class, () -> mock(TelcoflowLifecycle.class))
			.run((context) -> {
				assertThat(context).getBean(TelcoflowConfig.class).isSameAs(config);
				assertThat(context.getBean(TelcoflowClient.class).getMaxCalls()).isEqualTo(3);
			});
	}

	@Test
	void userClientNeedsNoConnectionProperties() {
		this.contextRunner.withBean(TelcoflowClient.class, () -> mock(TelcoflowClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(TelcoflowConfig.class)
				.hasSingleBean(TelcoflowLifecycle.class));
	}

	@Test
	void backsOffToAUserClientAndStillManagesItsLifecycle() {
		TelcoflowClient client = mock(TelcoflowClient.class);
		this.validRunner.withBean(TelcoflowClient.class, () -> client).run((context) -> {
			assertThat(context).getBean(TelcoflowClient.class).isSameAs(client);
			assertThat(context).doesNotHaveBean(TelcoflowCallExecutor.class);
			then(client).should().onIncomingCall(context.getBean(IncomingCallDispatcher.class));
			then(client).should().connect();
		});
	}

	@Test
	void backsOffToAUserIncomingCallHandler() {
		IncomingCallHandler handler = (call) -> {
		};
		TelcoflowClient client = mock(TelcoflowClient.class);
		this.validRunner.withBean(TelcoflowClient.class, () -> client)
			.withBean(IncomingCallHandler.class, () -> handler)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(IncomingCallDispatcher.class);
				then(client).should().onIncomingCall(handler);
				then(client).should().ready();
			});
	}

	@Test
	void backsOffToAUserLifecycleAndRegistry() {
		TelcoflowClient client = mock(TelcoflowClient.class);
		TelcoflowLifecycle lifecycle = new TelcoflowLifecycle(client, (call) -> {
		});
		IncomingCallEndpointRegistry registry = new IncomingCallEndpointRegistry();
		this.validRunner.withBean(TelcoflowClient.class, () -> client)
			.withBean(TelcoflowLifecycle.class, () -> lifecycle)
			.withBean(IncomingCallEndpointRegistry.class, () -> registry)
			.run((context) -> {
				assertThat(context).getBean(TelcoflowLifecycle.class).isSameAs(lifecycle);
				assertThat(context).getBean(IncomingCallEndpointRegistry.class).isSameAs(registry);
			});
	}

	@Test
	void handlerBeansAreCreatedEvenWithLazyInitialization() {
		this.mockClientRunner.withBean(LazyHandler.class)
			.withInitializer((context) -> context
				.addBeanFactoryPostProcessor(new org.springframework.boot.LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				assertThat(context.getBean(IncomingCallEndpointRegistry.class).getEndpoints()).hasSize(1);
				then(context.getBean(TelcoflowClient.class)).should().ready();
			});
	}

	@Test
	void disabledByProperty() {
		this.validRunner.withPropertyValues("telcoflow.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(TelcoflowClient.class)
				.doesNotHaveBean(TelcoflowConfig.class)
				.doesNotHaveBean(TelcoflowLifecycle.class)
				.doesNotHaveBean(TelcoflowProperties.class);
		});
	}

	@Test
	void backsOffWithoutTheClientLibrary() {
		this.validRunner.withClassLoader(new FilteredClassLoader(TelcoflowClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(TelcoflowConfig.class)
				.doesNotHaveBean(TelcoflowLifecycle.class));
	}

	@Test
	void mapsEveryPropertyIntoTheConfig() {
		this.notStartedRunner
			.withPropertyValues("telcoflow.url=ws://telcoflow.internal:8080", "telcoflow.allow-insecure-transport=true",
					"telcoflow.audio.sample-rate=16000", "telcoflow.audio.outgoing-buffer-size=256KB",
					"telcoflow.audio.inbound-queue-frames=50", "telcoflow.command-timeout=3s",
					"telcoflow.connect-timeout=4s", "telcoflow.reconnect.initial-delay=200ms",
					"telcoflow.reconnect.multiplier=1.5", "telcoflow.reconnect.max-delay=5s",
					"telcoflow.max-concurrent-calls=7", "telcoflow.handler.failure-action=close")
			.run((context) -> {
				TelcoflowConfig config = context.getBean(TelcoflowConfig.class);
				assertThat(config.getUrl()).hasToString("ws://telcoflow.internal:8080");
				assertThat(config.isAllowInsecureTransport()).isTrue();
				assertThat(config.getApiKey()).isEqualTo("secret-key");
				assertThat(config.getConnectorUuid()).isEqualTo(CONNECTOR_UUID);
				assertThat(config.getSampleRate()).isEqualTo(16000);
				assertThat(config.getOutgoingBufferSize()).isEqualTo(256 * 1024);
				assertThat(config.getInboundQueueFrames()).isEqualTo(50);
				assertThat(config.getCommandTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(config.getConnectTimeout()).isEqualTo(Duration.ofSeconds(4));
				assertThat(config.getReconnectBackoff())
					.isEqualTo(new ReconnectBackoff(Duration.ofMillis(200), 1.5, Duration.ofSeconds(5)));
				assertThat(config.getMaxCalls()).isEqualTo(7);
				assertThat(config.getHandlerFailureAction()).isEqualTo(HandlerFailureAction.CLOSE);
				assertThat(config.toString()).doesNotContain("secret-key");
			});
	}

	@Test
	void mapsShutdownPropertiesIntoTheLifecycle() {
		this.mockClientRunner
			.withPropertyValues("telcoflow.shutdown.drain-timeout=12s", "telcoflow.shutdown.action=disconnect")
			.run((context) -> {
				TelcoflowLifecycle lifecycle = context.getBean(TelcoflowLifecycle.class);
				assertThat(lifecycle.getDrainTimeout()).isEqualTo(Duration.ofSeconds(12));
				assertThat(lifecycle.getEndTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(lifecycle.getShutdownAction()).isEqualTo(ShutdownAction.DISCONNECT);
			});
	}

	@Test
	void keepsTheDrainTimeoutBelowTheShutdownPhaseTimeout() {
		this.mockClientRunner
			.withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=8s", "telcoflow.shutdown.drain-timeout=20s")
			.run((context) -> {
				TelcoflowLifecycle lifecycle = context.getBean(TelcoflowLifecycle.class);
				assertThat(lifecycle.getDrainTimeout()).isEqualTo(Duration.ofSeconds(6));
				assertThat(lifecycle.getEndTimeout()).isEqualTo(Duration.ofSeconds(2));
			});
	}

	@Test
	void mapsTheUnmatchedCallPolicyIntoTheDispatcher() throws Exception {
		ActiveCall call = mock(ActiveCall.class);
		given(call.getCallId()).willReturn("c1");
		given(call.getOfferedAt()).willReturn(java.time.Instant.now());
		this.mockClientRunner.withPropertyValues("telcoflow.handler.unmatched-call=decline").run((context) -> {
			context.getBean(IncomingCallDispatcher.class).onIncomingCall(call);
			then(call).should().disconnect();
		});
	}

	@Test
	void sslBundleWithAClientKeyConfiguresCertificateAuthentication() {
		this.contextRunner.withBean(TelcoflowLifecycle.class, () -> mock(TelcoflowLifecycle.class))
			.withPropertyValues("telcoflow.url=wss://localhost:8443", "telcoflow.ssl.bundle=client",
					"spring.ssl.bundle.jks.client.keystore.location=" + TLS + "client.p12",
					"spring.ssl.bundle.jks.client.keystore.password=changeit",
					"spring.ssl.bundle.jks.client.keystore.type=PKCS12",
					"spring.ssl.bundle.jks.client.truststore.location=" + TLS + "test-ca-truststore.p12",
					"spring.ssl.bundle.jks.client.truststore.password=changeit",
					"spring.ssl.bundle.jks.client.truststore.type=PKCS12")
			.run((context) -> {
				TelcoflowConfig config = context.getBean(TelcoflowConfig.class);
				assertThat(config.isApiKeyAuthentication()).isFalse();
				assertThat(config.getSslContext()).isNotNull();
			});
	}

	@Test
	void sslBundleWithoutAKeyOnlyAddsTrustToApiKeyAuthentication() {
		this.notStartedRunner
			.withPropertyValues("telcoflow.url=wss://localhost:8443", "telcoflow.ssl.bundle=trust",
					"spring.ssl.bundle.pem.trust.truststore.certificate=" + TLS + "test-ca.crt.pem")
			.run((context) -> {
				TelcoflowConfig config = context.getBean(TelcoflowConfig.class);
				assertThat(config.isApiKeyAuthentication()).isTrue();
				assertThat(config.getSslContext()).isNotNull();
			});
	}

	@Test
	void platformThreadPoolKeepsMaxConcurrentCallsThreadsAndNeverQueuesAHandler() {
		this.validRunner.withPropertyValues("telcoflow.max-concurrent-calls=7").run((context) -> {
			TelcoflowCallExecutor callExecutor = context.getBean(TelcoflowCallExecutor.class);
			assertThat(callExecutor.isVirtual()).isFalse();
			assertThat(callExecutor.getExecutor()).isInstanceOfSatisfying(ThreadPoolTaskExecutor.class, (pool) -> {
				assertThat(pool.getCorePoolSize()).isEqualTo(7);
				assertThat(pool.getMaxPoolSize()).isEqualTo(Integer.MAX_VALUE);
				assertThat(pool.getQueueCapacity()).isZero();
			});
		});
	}

	@Test
	void unlimitedCallsGetAPlatformThreadEach() {
		this.validRunner.withPropertyValues("telcoflow.max-concurrent-calls=0").run((context) -> {
			TelcoflowCallExecutor callExecutor = context.getBean(TelcoflowCallExecutor.class);
			assertThat(callExecutor.isVirtual()).isFalse();
			assertThat(callExecutor.getExecutor()).isInstanceOf(SimpleAsyncTaskExecutor.class);
		});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualThreadsWhenEnabledOnJava21() {
		this.validRunner.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(context.getBean(TelcoflowCallExecutor.class).isVirtual()).isTrue());
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void platformThreadsBeforeJava21EvenWhenVirtualThreadsAreEnabled() {
		this.validRunner.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(context.getBean(TelcoflowCallExecutor.class).isVirtual()).isFalse());
	}

	@Test
	void propertyDefaultsAreConsistentWithTheClient() {
		TelcoflowProperties properties = new TelcoflowProperties();
		TelcoflowConfig defaults = TelcoflowConfig.builder().url("wss://localhost").apiKey("k", CONNECTOR_UUID).build();
		assertThat(properties.getAudio().getSampleRate()).isEqualTo(defaults.getSampleRate());
		assertThat(properties.getAudio().getOutgoingBufferSize().toBytes()).isEqualTo(defaults.getOutgoingBufferSize());
		assertThat(properties.getAudio().getInboundQueueFrames()).isEqualTo(defaults.getInboundQueueFrames());
		assertThat(properties.getCommandTimeout()).isEqualTo(defaults.getCommandTimeout());
		assertThat(properties.getConnectTimeout()).isEqualTo(defaults.getConnectTimeout());
		assertThat(new ReconnectBackoff(properties.getReconnect().getInitialDelay(),
				properties.getReconnect().getMultiplier(), properties.getReconnect().getMaxDelay()))
			.isEqualTo(defaults.getReconnectBackoff());
		assertThat(properties.isAllowInsecureTransport()).isEqualTo(defaults.isAllowInsecureTransport());
		assertThat(properties.getHandler().getFailureAction()).isEqualTo(defaults.getHandlerFailureAction());
		// Deliberately bounded, unlike the client's default of no limit: the pool is sized by it.
		assertThat(properties.getMaxConcurrentCalls()).isEqualTo(100);
	}

	static class LazyHandler {

		@io.telcoflow.spring.annotation.OnIncomingCall
		void onCall(ActiveCall call) {
		}

	}

	static class RecordingListener implements TelcoflowClientListener {

		final List<String> states = new CopyOnWriteArrayList<>();

		@Override
		public void onConnectionStateChanged(ConnectionState previous, ConnectionState current) {
			this.states.add(previous + "->" + current);
		}

	}

	static class TestConnectionDetails implements TelcoflowConnectionDetails {

		@Override
		public String getUrl() {
			return "ws://localhost:9999";
		}

		@Override
		public String getApiKey() {
			return "other-key";
		}

		@Override
		public String getConnectorUuid() {
			return "00000000-0000-0000-0000-000000000001";
		}

	}

}
