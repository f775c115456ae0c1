package io.telcoflow.spring.boot.autoconfigure.voiceagent;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import io.telcoflow.audio.AudioEncoding;
import io.telcoflow.voiceagent.CallTool;
import io.telcoflow.voiceagent.VoiceAgent;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of voice agents, under {@code telcoflow.voice-agent}: what every
 * {@link VoiceAgent.Builder} the application gets starts with. Checked at startup by
 * {@link VoiceAgentBuilderConfigurer}.
 */
@ConfigurationProperties("telcoflow.voice-agent")
public class VoiceAgentProperties {

	/**
	 * Whether to auto-configure voice agents (a VoiceAgent.Builder bean) when Spring AI is on the
	 * class path.
	 */
	private boolean enabled = true;

	/**
	 * System prompt: who the agent is and how it talks.
	 */
	private @Nullable String systemPrompt;

	/**
	 * What the agent says when it takes a call; none to wait for the caller.
	 */
	private @Nullable String greeting;

	/**
	 * What the agent says when a model fails or times out.
	 */
	private String fallbackLine = VoiceAgent.Builder.DEFAULT_FALLBACK_LINE;

	/**
	 * Silence after which the caller's utterance counts as finished.
	 */
	private Duration endOfUtteranceSilence = VoiceAgent.Builder.DEFAULT_END_OF_UTTERANCE_SILENCE;

	/**
	 * Longest utterance: a caller who speaks longer is answered at that point.
	 */
	private Duration maxUtterance = VoiceAgent.Builder.DEFAULT_MAX_UTTERANCE;

	/**
	 * Call tools offered to the chat model: transfer, hang-up, read-dtmf.
	 */
	private Set<CallTool> callTools = EnumSet.of(CallTool.HANG_UP, CallTool.READ_DTMF);

	/**
	 * Time the transfer tool rings before the model hears CALL_UNANSWERED.
	 */
	private Duration transferRingTime = VoiceAgent.Builder.DEFAULT_TRANSFER_RING_TIME;

	/**
	 * Whether the telcoflow Actuator endpoint shows the transcripts of live calls.
	 */
	private boolean transcriptsInEndpoint = true;

	private final BargeIn bargeIn = new BargeIn();

	private final Timeout timeout = new Timeout();

	private final Speech speech = new Speech();

	/**
	 * Returns {@code telcoflow.voice-agent.enabled}.
	 * @return whether to auto-configure voice agents
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets {@code telcoflow.voice-agent.enabled}.
	 * @param enabled whether to auto-configure voice agents
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Returns {@code telcoflow.voice-agent.system-prompt}.
	 * @return the system prompt, or {@code null}
	 */
	public @Nullable String getSystemPrompt() {
		return this.systemPrompt;
	}

	/**
	 * Sets {@code telcoflow.voice-agent.system-prompt}.
	 * @param systemPrompt the system prompt
	 */
	public void setSystemPrompt(@Nullable String systemPrompt) {
		this.systemPrompt = systemPrompt;
	}

	/**
	 * Returns {@code telcoflow.voice-agent.greeting}.
	 * @return the greeting, or {@code null}
	 */
	public @Nullable String getGreeting() {
		return this.greeting;
	}

	/**
	 * Sets {@code telcoflow.voice-agent.greeting}.
	 * @param greeting the greeting
	 */
	public void setGreeting(@Nullable String greeting) {
		this.greeting = greeting;
	}

	/**
	 * Returns {@code telcoflow.voice-agent.fallback-line}.
	 * @return the fallback line
	 */
	public String getFallbackLine() {
		return this.fallbackLine;
	}

	/**
	 * Sets {@code telcoflow.voice-agent.fallback-line}.
	 * @param fallbackLine the fallback line
	 */
	public void setFallbackLine(String fallbackLine) {
		this.fallbackLine = fallbackLine;
	}

	/**
	 * Returns {@code telcoflow.voice-agent.end-of-utterance-silence}.
	 * @return the silence
	 */
	public Duration getEndOfUtteranceSilence() {
		return this.endOfUtteranceSilence;
	}

	/**
	 * Sets {@code telcoflow.voice-agent.end-of-utterance-silence}.
	 * @param endOfUtteranceSilence the silence
	 */
	public void setEndOfUtteranceSilence(Duration endOfUtteranceSilence) {
		this.endOfUtteranceSilence = endOfUtteranceSilence;
	}

	/**
	 * Returns {@code telcoflow.voice-agent.max-utterance}.
	 * @return the longest utterance
	 */
	public Duration getMaxUtterance() {
		return this.maxUtterance;
	}

	/**
	 * Sets {@code telcoflow.voice-agent.max-utterance}.
	 * @param maxUtterance the longest utterance
	 */
	public void setMaxUtterance(Duration maxUtterance) {
		this.maxUtterance = maxUtterance;
	}

	/**
	 * Returns {@code telcoflow.voice-agent.call-tools}.
	 * @return the call tools offered
	 */
	public Set<CallTool> getCallTools() {
		return this.callTools;
	}

	/**
	 * Sets {@code telcoflow.voice-agent.call-tools}.
	 * @param callTools the call tools offered
	 */
	public void setCallTools(Set<CallTool> callTools) {
		this.callTools = callTools;
	}

	/**
	 * Returns {@code telcoflow.voice-agent.transfer-ring-time}.
	 * @return the ring time
	 */
	public Duration getTransferRingTime() {
		return this.transferRingTime;
	}

	/**
	 * Sets {@code telcoflow.voice-agent.transfer-ring-time}.
	 * @param transferRingTime the ring time
	 */
	public void setTransferRingTime(Duration transferRingTime) {
		this.transferRingTime = transferRingTime;
	}

	/**
	 * Returns {@code telcoflow.voice-agent.transcripts-in-endpoint}.
	 * @return whether the endpoint shows transcripts
	 */
	public boolean isTranscriptsInEndpoint() {
		return this.transcriptsInEndpoint;
	}

	/**
	 * Sets {@code telcoflow.voice-agent.transcripts-in-endpoint}.
	 * @param transcriptsInEndpoint whether the endpoint shows transcripts
	 */
	public void setTranscriptsInEndpoint(boolean transcriptsInEndpoint) {
		this.transcriptsInEndpoint = transcriptsInEndpoint;
	}

	/**
	 * Returns {@code telcoflow.voice-agent.barge-in.*}.
	 * @return the barge-in settings
	 */
	public BargeIn getBargeIn() {
		return this.bargeIn;
	}

	/**
	 * Returns {@code telcoflow.voice-agent.timeout.*}.
	 * @return the model timeouts
	 */
	public Timeout getTimeout() {
		return this.timeout;
	}

	/**
	 * Returns {@code telcoflow.voice-agent.speech.*}.
	 * @return the speech model's audio format
	 */
	public Speech getSpeech() {
		return this.speech;
	}

	/**
	 * Barge-in: the caller speaking over the agent.
	 */
	public static class BargeIn {

		/**
		 * Whether the caller can interrupt the agent by speaking.
		 */
		private boolean enabled = true;

		/**
		 * How long the caller must speak over the agent, without a pause, before the agent stops.
		 */
		private Duration minDuration = VoiceAgent.Builder.DEFAULT_BARGE_IN_MIN_DURATION;

		/**
		 * Returns {@code telcoflow.voice-agent.barge-in.enabled}.
		 * @return whether the caller can interrupt
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets {@code telcoflow.voice-agent.barge-in.enabled}.
		 * @param enabled whether the caller can interrupt
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Returns {@code telcoflow.voice-agent.barge-in.min-duration}.
		 * @return the minimum
		 */
		public Duration getMinDuration() {
			return this.minDuration;
		}

		/**
		 * Sets {@code telcoflow.voice-agent.barge-in.min-duration}.
		 * @param minDuration the minimum
		 */
		public void setMinDuration(Duration minDuration) {
			this.minDuration = minDuration;
		}

	}

	/**
	 * How long each model may take.
	 */
	public static class Timeout {

		/**
		 * Time a transcription may take.
		 */
		private Duration transcription = VoiceAgent.Builder.DEFAULT_MODEL_TIMEOUT;

		/**
		 * Time the chat model may go without sending text (the first included), not counting time
		 * in tools.
		 */
		private Duration chat = VoiceAgent.Builder.DEFAULT_MODEL_TIMEOUT;

		/**
		 * Time the speech model may go without sending audio for a sentence (the first included).
		 */
		private Duration speech = VoiceAgent.Builder.DEFAULT_MODEL_TIMEOUT;

		/**
		 * Returns {@code telcoflow.voice-agent.timeout.transcription}.
		 * @return the timeout
		 */
		public Duration getTranscription() {
			return this.transcription;
		}

		/**
		 * Sets {@code telcoflow.voice-agent.timeout.transcription}.
		 * @param transcription the timeout
		 */
		public void setTranscription(Duration transcription) {
			this.transcription = transcription;
		}

		/**
		 * Returns {@code telcoflow.voice-agent.timeout.chat}.
		 * @return the timeout
		 */
		public Duration getChat() {
			return this.chat;
		}

		/**
		 * Sets {@code telcoflow.voice-agent.timeout.chat}.
		 * @param chat the timeout
		 */
		public void setChat(Duration chat) {
			this.chat = chat;
		}

		/**
		 * Returns {@code telcoflow.voice-agent.timeout.speech}.
		 * @return the timeout
		 */
		public Duration getSpeech() {
			return this.speech;
		}

		/**
		 * Sets {@code telcoflow.voice-agent.timeout.speech}.
		 * @param speech the timeout
		 */
		public void setSpeech(Duration speech) {
			this.speech = speech;
		}

	}

	/**
	 * The audio the speech model returns (raw, no header).
	 */
	public static class Speech {

		/**
		 * Sample rate of the speech model's audio; 24000 for OpenAI's pcm format.
		 */
		private int sampleRate = 24_000;

		/**
		 * Encoding of the speech model's audio.
		 */
		private AudioEncoding encoding = AudioEncoding.PCM_S16LE;

		/**
		 * Returns {@code telcoflow.voice-agent.speech.sample-rate}.
		 * @return the sample rate
		 */
		public int getSampleRate() {
			return this.sampleRate;
		}

		/**
		 * Sets {@code telcoflow.voice-agent.speech.sample-rate}.
		 * @param sampleRate the sample rate
		 */
		public void setSampleRate(int sampleRate) {
			this.sampleRate = sampleRate;
		}

		/**
		 * Returns {@code telcoflow.voice-agent.speech.encoding}.
		 * @return the encoding
		 */
		public AudioEncoding getEncoding() {
			return this.encoding;
		}

		/**
		 * Sets {@code telcoflow.voice-agent.speech.encoding}.
		 * @param encoding the encoding
		 */
		public void setEncoding(AudioEncoding encoding) {
			this.encoding = encoding;
		}

	}

}
