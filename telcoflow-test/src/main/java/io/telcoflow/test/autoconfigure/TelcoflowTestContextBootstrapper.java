package io.telcoflow.test.autoconfigure;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/**
 * Bootstraps {@link TelcoflowTest @TelcoflowTest}: its {@code properties}.
 */
class TelcoflowTestContextBootstrapper extends TestSliceTestContextBootstrapper<TelcoflowTest> {

}
