package io.telcoflow.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Annotation for a {@code @SpringBootTest} that starts an embedded {@link TelcoflowSimulator} with
 * the test's application context (one per context, closed with it) and points the application at
 * it through a {@link TelcoflowConnectionDetails} bean, so no {@code telcoflow.url} or API key is
 * needed. The simulator is a bean: inject it to place calls and assert what the application did.
 *
 * <pre class="code">
 * &#064;SpringBootTest
 * &#064;AutoConfigureTelcoflowSimulator
 * class FrontDeskTests {
 *
 *     &#064;Autowired
 *     TelcoflowSimulator simulator;
 *
 *     &#064;Test
 *     void answersEveryCall() {
 *         simulator.awaitReadySessions(1, Duration.ofSeconds(10));
 *         SimulatedCall call = simulator.placeCall(CallScript.defaults());
 *         call.awaitState("ANSWERED", Duration.ofSeconds(5));
 *     }
 *
 * }
 * </pre>
 *
 * <p>
 * The attributes map to the {@code telcoflow.simulator.*} properties, which a test can also set
 * directly. A {@link TelcoflowConnectionDetails} bean the test defines itself (or one from a
 * {@code @ServiceConnection} container) takes precedence over the simulator's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@PropertyMapping("telcoflow.simulator")
public @interface AutoConfigureTelcoflowSimulator {

	/**
	 * The API key the simulator accepts ({@code telcoflow.simulator.api-key}).
	 * @return the API key
	 */
	String apiKey() default TelcoflowSimulator.DEFAULT_API_KEY;

	/**
	 * The connector UUID the simulator accepts ({@code telcoflow.simulator.connector-uuid}).
	 * @return the connector UUID
	 */
	String connectorUuid() default TelcoflowSimulator.DEFAULT_CONNECTOR_UUID;

	/**
	 * Whether the simulator speaks {@code wss://} with its test-only server certificate
	 * ({@code telcoflow.simulator.tls}). The connection details then carry an SSL bundle that
	 * trusts the test CA, and the application still authenticates with the API key.
	 * @return whether to use TLS
	 */
	boolean tls() default false;

	/**
	 * Whether the simulator requires a client certificate (mTLS; implies {@link #tls()};
	 * {@code telcoflow.simulator.client-certificate}). The connection details then carry an SSL
	 * bundle with the test-only client key signed by the test CA, and no API key.
	 * @return whether to require a client certificate
	 */
	boolean clientCertificate() default false;

}
