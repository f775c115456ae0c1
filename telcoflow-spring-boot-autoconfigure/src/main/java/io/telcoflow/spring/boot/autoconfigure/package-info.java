/**
 * Auto-configuration for the Telcoflow client: properties, connection details, the client, call
 * dispatch and lifecycle, and failure analyzers for bad configuration.
 */
@NullMarked
package io.telcoflow.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
