/**
 * The SDK's exceptions, one to one with the Python SDK's {@code WSSError} family. All are unchecked
 * and extend {@link io.telcoflow.client.exception.WssException}; catch the specific ones first.
 */
@NullMarked
package io.telcoflow.client.exception;

import org.jspecify.annotations.NullMarked;
