/**
 * The {@code telcoflow} Actuator endpoint: the control connection and the live calls.
 */
@NullMarked
package io.telcoflow.spring.boot.actuate;

import org.jspecify.annotations.NullMarked;
