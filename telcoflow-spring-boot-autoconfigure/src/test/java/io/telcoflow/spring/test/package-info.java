/**
 * Test support shared by this module's tests.
 */
@NullMarked
package io.telcoflow.spring.test;

import org.jspecify.annotations.NullMarked;
