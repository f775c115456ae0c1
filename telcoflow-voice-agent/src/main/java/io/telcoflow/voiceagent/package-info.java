/**
 * Voice agents on Spring AI models: {@link io.telcoflow.voiceagent.VoiceAgent} turns a call into a
 * conversation (voice activity and end of utterance, transcription, a streamed chat reply split into
 * sentences, speech synthesis, the reply sent to the caller), with barge-in that keeps in the
 * conversation only what the caller heard, call tools ({@link io.telcoflow.voiceagent.CallTool}),
 * transcripts and latency per turn ({@link io.telcoflow.voiceagent.VoiceAgentEvent}), meters
 * ({@link io.telcoflow.voiceagent.VoiceAgentMetrics}) and an observation per turn. No Spring Boot.
 */
@NullMarked
package io.telcoflow.voiceagent;

import org.jspecify.annotations.NullMarked;
