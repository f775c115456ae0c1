/**
 * The AI receptionist: a voice agent on Spring AI models (the offline ones by default, OpenAI's
 * with a key) that greets, tells the opening hours, takes messages, puts callers through to a
 * person and hangs up after its goodbye; and the story of each call in the log.
 */
@NullMarked
package io.telcoflow.demo.agent;

import org.jspecify.annotations.NullMarked;
