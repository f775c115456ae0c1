package io.telcoflow.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Annotation for a test slice that applies the Telcoflow auto-configuration only: the client,
 * the dispatch of calls to {@code @OnIncomingCall} methods, the lifecycle and the events, with
 * property placeholders and SSL bundles. {@link TelcoflowTest @TelcoflowTest} includes it; other
 * slices can add it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureTelcoflow {

}
