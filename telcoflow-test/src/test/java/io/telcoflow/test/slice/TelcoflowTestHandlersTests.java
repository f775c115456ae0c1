package io.telcoflow.test.slice;

import io.telcoflow.test.autoconfigure.TelcoflowTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TelcoflowTest#handlers()}: only the handlers named are in the slice.
 */
@TelcoflowTest(SalesHandler.class)
class TelcoflowTestHandlersTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void onlyTheNamedHandlersAreInTheSlice() {
		assertThat(this.context.getBeanNamesForType(SalesHandler.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(FrontDeskHandler.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(BillingService.class)).isEmpty();
	}

}
