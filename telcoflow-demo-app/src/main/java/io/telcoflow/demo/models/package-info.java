/**
 * The receptionist's Spring AI models: OpenAI's when {@code spring.ai.openai.api-key} is set,
 * otherwise the offline ones (FreeTTS speech, Sphinx4 grammar transcription, the intent matcher).
 */
@NullMarked
package io.telcoflow.demo.models;

import org.jspecify.annotations.NullMarked;
