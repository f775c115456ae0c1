/**
 * The client's implementation; not API.
 */
@NullMarked
package io.telcoflow.client.internal;

import org.jspecify.annotations.NullMarked;
