/**
 * TLS key and trust material for mTLS authentication and for trusting the server.
 */
@NullMarked
package io.telcoflow.client.tls;

import org.jspecify.annotations.NullMarked;
