/**
 * Recording the starter's {@link io.telcoflow.spring.event.TelcoflowEvent events} in tests.
 */
@NullMarked
package io.telcoflow.test.event;

import org.jspecify.annotations.NullMarked;
