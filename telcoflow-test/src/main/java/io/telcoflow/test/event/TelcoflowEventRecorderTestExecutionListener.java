package io.telcoflow.test.event;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Clears the {@link TelcoflowEventRecorder} of an application context before each test method, so
 * that each test sees its own events (and those of calls still ending from the test before, which
 * a test should tell apart by call id).
 */
public class TelcoflowEventRecorderTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		// after dependency injection, before Spring's own transactional and SQL listeners
		return 2100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		context.getBeanProvider(TelcoflowEventRecorder.class).ifAvailable(TelcoflowEventRecorder::clear);
	}

}
