/**
 * A test double of {@link io.telcoflow.client.ActiveCall}, to unit-test a handler without sockets,
 * and the recorded calls that the AssertJ assertions of {@code io.telcoflow.test.assertj} read.
 */
@NullMarked
package io.telcoflow.test.call;

import org.jspecify.annotations.NullMarked;
