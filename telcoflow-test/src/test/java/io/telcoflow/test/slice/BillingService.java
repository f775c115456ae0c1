package io.telcoflow.test.slice;

import org.springframework.stereotype.Service;

/**
 * Stands for the rest of the application (databases, web clients): it cannot start in a test, so
 * a Telcoflow test slice that included it would fail.
 */
@Service
class BillingService {

	BillingService() {
		throw new IllegalStateException("The billing database is not available in tests");
	}

}
