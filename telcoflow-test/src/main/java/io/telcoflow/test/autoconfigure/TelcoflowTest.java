package io.telcoflow.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.telcoflow.test.event.AutoConfigureTelcoflowEvents;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Annotation for a test of a Telcoflow application's call handling only, as {@code @DataJpaTest} or
 * {@code @JsonTest} test one layer: full auto-configuration is disabled and only the Telcoflow
 * configuration ({@link AutoConfigureTelcoflow @AutoConfigureTelcoflow}), an embedded simulator
 * ({@link AutoConfigureTelcoflowSimulator @AutoConfigureTelcoflowSimulator}) and an event recorder
 * ({@link AutoConfigureTelcoflowEvents @AutoConfigureTelcoflowEvents}) are applied.
 * <p>
 * Component scanning includes only what serves calls: classes with an
 * {@link io.telcoflow.spring.annotation.OnIncomingCall @OnIncomingCall} method, and
 * {@code CallArgumentResolver}, {@code IncomingCallErrorHandler}, {@code TelcoflowClientListener},
 * {@code CallHandlerSelectedListener}, {@code TelcoflowClientCustomizer} and
 * {@code TelcoflowConfigCustomizer} beans. Other {@code @Component}s, {@code @Service}s and
 * {@code @Configuration} classes are left out: provide what the handlers need with
 * {@code @MockitoBean}, {@code @Import} or {@link #includeFilters()}. {@link #handlers()} narrows the
 * scan to some handler classes.
 * <pre class="code">
 * &#64;TelcoflowTest(FrontDesk.class)
 * class FrontDeskTests {
 *
 *     &#64;Autowired
 *     TelcoflowSimulator simulator;
 *
 *     &#64;Test
 *     void answers() {
 *         simulator.awaitReadySessions(1, Duration.ofSeconds(10));
 *         simulator.placeCall(CallScript.defaults()).awaitState("ANSWERED", Duration.ofSeconds(5));
 *     }
 *
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(TelcoflowTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(TelcoflowTypeExcludeFilter.class)
@AutoConfigureTelcoflow
@AutoConfigureTelcoflowSimulator
@AutoConfigureTelcoflowEvents
@ImportAutoConfiguration
public @interface TelcoflowTest {

	/**
	 * Properties in {@code key=value} form added to the environment before the test runs.
	 * @return the properties
	 */
	String[] properties() default {};

	/**
	 * Alias for {@link #handlers()}.
	 * @return the handler classes
	 */
	@AliasFor("handlers")
	Class<?>[] value() default {};

	/**
	 * The handler classes to test; empty for every class with an {@code @OnIncomingCall} method.
	 * @return the handler classes
	 */
	@AliasFor("value")
	Class<?>[] handlers() default {};

	/**
	 * Whether the default filters (the types listed above) apply; {@code false} leaves only
	 * {@link #includeFilters()}.
	 * @return whether to use the default filters
	 */
	boolean useDefaultFilters() default true;

	/**
	 * Further types to include in component scanning.
	 * @return the include filters
	 */
	Filter[] includeFilters() default {};

	/**
	 * Types to exclude from component scanning.
	 * @return the exclude filters
	 */
	Filter[] excludeFilters() default {};

	/**
	 * Auto-configuration to leave out of this test.
	 * @return the auto-configuration classes to exclude
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
