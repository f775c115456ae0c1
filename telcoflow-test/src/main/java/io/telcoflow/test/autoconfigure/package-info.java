/**
 * Spring Boot test support: {@link io.telcoflow.test.autoconfigure.AutoConfigureTelcoflowSimulator}
 * starts an embedded Telcoflow simulator for a {@code @SpringBootTest} and points the application
 * at it.
 */
@NullMarked
package io.telcoflow.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
