/**
 * Voice agents in a Spring application: their events as Spring events
 * ({@link io.telcoflow.spring.boot.voiceagent.VoiceAgentEventPublisher}) and the live calls'
 * transcripts for the Actuator endpoint
 * ({@link io.telcoflow.spring.boot.voiceagent.VoiceAgentTranscripts}).
 */
@NullMarked
package io.telcoflow.spring.boot.voiceagent;

import org.jspecify.annotations.NullMarked;
