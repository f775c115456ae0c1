/**
 * Auto-configuration of the Telcoflow health indicator and the {@code telcoflow} Actuator
 * endpoint.
 */
@NullMarked
package io.telcoflow.spring.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
