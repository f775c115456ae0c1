/**
 * A receptionist voice application built only on the Telcoflow Spring Boot starter: it answers,
 * greets, takes messages and puts callers through to a human.
 */
@NullMarked
package io.telcoflow.demo;

import org.jspecify.annotations.NullMarked;
