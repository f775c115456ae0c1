/**
 * The Telcoflow simulator as a container: the image's main class and control API
 * ({@link io.telcoflow.test.container.SimulatorContainerMain},
 * {@link io.telcoflow.test.container.SimulatorAdminServer}), the Testcontainers container that
 * drives it ({@link io.telcoflow.test.container.TelcoflowSimulatorContainer}), and the
 * {@code @ServiceConnection} support for Spring Boot tests.
 */
@NullMarked
package io.telcoflow.test.container;

import org.jspecify.annotations.NullMarked;
