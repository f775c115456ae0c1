/**
 * Annotations that turn methods of Spring beans into Telcoflow call handlers, chiefly
 * {@link io.telcoflow.spring.annotation.OnIncomingCall @OnIncomingCall}.
 */
@NullMarked
package io.telcoflow.spring.annotation;

import org.jspecify.annotations.NullMarked;
