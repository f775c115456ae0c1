/**
 * Auto-configuration of voice agents: a {@link io.telcoflow.voiceagent.VoiceAgent.Builder} bean
 * wired from the application's Spring AI models and the {@code telcoflow.voice-agent.*}
 * properties, their events, meters and transcripts.
 */
@NullMarked
package io.telcoflow.spring.boot.autoconfigure.voiceagent;

import org.jspecify.annotations.NullMarked;
