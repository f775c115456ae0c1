/**
 * Health of the Telcoflow client's control connection, for Spring Boot's health endpoint.
 */
@NullMarked
package io.telcoflow.spring.boot.health;

import org.jspecify.annotations.NullMarked;
