package io.telcoflow.test.junit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

class TelcoflowSimulatorExtensionTests {

	private static final String CONNECTOR = "0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d71";

	@RegisterExtension
	static TelcoflowSimulatorExtension telcoflow = new TelcoflowSimulatorExtension(
			(builder) -> builder.apiKey("extension-key", CONNECTOR));

	@Test
	void runsTheCustomizedSimulatorForTheTestClass(TelcoflowSimulator simulator) throws IOException {
		assertThat(simulator).isSameAs(telcoflow.simulator());
		assertThat(telcoflow.url()).isEqualTo("ws://127.0.0.1:" + simulator.port());
		assertThat(telcoflow.apiKey()).isEqualTo("extension-key");
		assertThat(telcoflow.connectorUuid()).isEqualTo(CONNECTOR);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), simulator.port())) {
			assertThat(socket.isConnected()).isTrue();
		}
	}

	@Test
	void closesThePerTestSimulatorAfterEachTest() {
		TelcoflowSimulatorExtension extension = new TelcoflowSimulatorExtension();
		ExtensionContext context = mock(ExtensionContext.class);

		extension.beforeEach(context);
		int port = extension.simulator().port();
		assertThat(extension.apiKey()).isEqualTo(TelcoflowSimulator.DEFAULT_API_KEY);
		extension.afterEach(context);

		assertThatIllegalStateException().isThrownBy(extension::simulator);
		// The listening socket closes asynchronously when its accept thread wakes up.
		await().atMost(Duration.ofSeconds(5)).until(() -> refusesConnections(port));
	}

	@Test
	void keepsThePerClassSimulatorUntilAfterAll() {
		TelcoflowSimulatorExtension extension = new TelcoflowSimulatorExtension();
		ExtensionContext context = mock(ExtensionContext.class);

		extension.beforeAll(context);
		TelcoflowSimulator simulator = extension.simulator();
		extension.beforeEach(context);
		extension.afterEach(context);
		assertThat(extension.simulator()).isSameAs(simulator);
		extension.afterAll(context);

		assertThatIllegalStateException().isThrownBy(extension::simulator);
	}

	private static boolean refusesConnections(int port) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

}
