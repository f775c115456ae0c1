/**
 * The voice agent's engine: not API, may change in any release.
 */
@NullMarked
package io.telcoflow.voiceagent.internal;

import org.jspecify.annotations.NullMarked;
