/**
 * The wire format ({@code telcoflow-wire/1}): message types and their JSON codec. The only code
 * that knows the wire format, so that another one can be swapped in. Not API.
 */
@NullMarked
package io.telcoflow.client.internal.protocol;

import org.jspecify.annotations.NullMarked;
