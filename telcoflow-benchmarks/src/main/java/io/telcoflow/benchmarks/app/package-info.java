/**
 * The applications under load: an echo handler on the starter, and a baseline echo client written
 * directly on Spring's WebSocket client over Tomcat, with no SDK and no Spring Boot.
 */
@NullMarked
package io.telcoflow.benchmarks.app;

import org.jspecify.annotations.NullMarked;
