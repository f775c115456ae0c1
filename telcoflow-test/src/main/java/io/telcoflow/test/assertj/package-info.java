/**
 * AssertJ assertions on a call, the same for the {@link io.telcoflow.test.call.TestActiveCall test
 * double}, the embedded simulator and a containerised simulator:
 * {@link io.telcoflow.test.assertj.TelcoflowAssertions#assertThat(io.telcoflow.test.call.TestActiveCall)
 * TelcoflowAssertions.assertThat(call)}.
 */
@NullMarked
package io.telcoflow.test.assertj;

import org.jspecify.annotations.NullMarked;
