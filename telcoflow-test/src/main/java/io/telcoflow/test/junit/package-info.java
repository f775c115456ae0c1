/**
 * JUnit Jupiter support: an embedded Telcoflow simulator per test class, for tests without Spring.
 */
@NullMarked
package io.telcoflow.test.junit;

import org.jspecify.annotations.NullMarked;
