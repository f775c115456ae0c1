/**
 * Reliability tests of the client: random and hostile input from the server.
 */
@NullMarked
package io.telcoflow.client.reliability;

import org.jspecify.annotations.NullMarked;
