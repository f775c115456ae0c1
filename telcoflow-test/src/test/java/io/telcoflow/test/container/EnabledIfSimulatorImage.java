package io.telcoflow.test.container;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a container test only where a Docker engine answers and the simulator image exists
 * locally; skips it otherwise, with the reason. Declare it before {@code @Testcontainers}: it also
 * aligns Testcontainers' Docker API version with an older engine's before Testcontainers first
 * talks to it. With {@code TELCOFLOW_CONTAINER_TESTS_REQUIRED=true} (set by CI after
 * {@code .ci/docker-setup.sh}) a missing engine or image fails the test instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(SimulatorImageCondition.class)
public @interface EnabledIfSimulatorImage {

}
