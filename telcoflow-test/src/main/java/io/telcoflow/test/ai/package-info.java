/**
 * Scripted Spring AI models for tests of voice agents, offline and deterministic:
 * {@link io.telcoflow.test.ai.ScriptedTranscriptionModel} (what the caller says, utterance by
 * utterance), {@link io.telcoflow.test.ai.ScriptedChatModel} (streamed replies, tool calls, delays,
 * failures) and {@link io.telcoflow.test.ai.ScriptedTextToSpeechModel} (a tone of a known length per
 * character). Each records what it was asked and what was cancelled. Needs
 * {@code org.springframework.ai:spring-ai-model} on the test class path.
 */
@NullMarked
package io.telcoflow.test.ai;

import org.jspecify.annotations.NullMarked;
