package io.telcoflow.demo.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the property {@code telcoflow.url} is not set, or blank: the application has no
 * real server to connect to. ({@code @ConditionalOnProperty} cannot say "not set" and also treat a
 * blank value as not set.)
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(NoTelcoflowUrlCondition.class)
public @interface ConditionalOnNoTelcoflowUrl {

}
