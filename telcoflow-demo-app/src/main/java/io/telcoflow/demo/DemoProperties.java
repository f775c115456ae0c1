package io.telcoflow.demo;

import java.nio.file.Path;
import java.time.Duration;

import io.telcoflow.audio.vad.EnergyVoiceActivityDetector;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the receptionist demo.
 */
@ConfigurationProperties("demo")
public class DemoProperties {

	/**
	 * Directory where callers' messages are written as WAV files.
	 */
	private Path recordingsDir = Path.of("recordings");

	private final Agent agent = new Agent();

	private final Receptionist receptionist = new Receptionist();

	private final Simulator simulator = new Simulator();

	public Path getRecordingsDir() {
		return this.recordingsDir;
	}

	public void setRecordingsDir(Path recordingsDir) {
		this.recordingsDir = recordingsDir;
	}

	public Agent getAgent() {
		return this.agent;
	}

	public Receptionist getReceptionist() {
		return this.receptionist;
	}

	public Simulator getSimulator() {
		return this.simulator;
	}

	/**
	 * The AI receptionist. Its greeting, instructions and call tools are the starter's
	 * {@code telcoflow.voice-agent.*} properties.
	 */
	public static class Agent {

		/**
		 * The sentence that tells the opening hours: what the offline intent matcher answers, and
		 * part of the system prompt for a language model.
		 */
		private String openingHours = "We are open Monday to Friday, from nine in the morning to six in the evening, "
				+ "and on Saturday from ten to four. On Sundays and public holidays we are closed.";

		public String getOpeningHours() {
			return this.openingHours;
		}

		public void setOpeningHours(String openingHours) {
			this.openingHours = openingHours;
		}

	}

	/**
	 * How the scripted receptionist (profile {@code scripted}) handles a call.
	 */
	public static class Receptionist {

		/**
		 * How long to ring a human after the caller pressed 0.
		 */
		private Duration ringTime = Duration.ofSeconds(30);

		/**
		 * Silence after which a caller's message is complete.
		 */
		private Duration endOfMessageSilence = Duration.ofMillis(1500);

		/**
		 * How long to wait for the caller to start a message before giving up.
		 */
		private Duration messageStartTimeout = Duration.ofSeconds(5);

		/**
		 * Longest message recorded.
		 */
		private Duration maxMessageLength = Duration.ofSeconds(30);

		/**
		 * Audio kept in the call's outgoing buffer ahead of playback, a cushion against a busy
		 * machine. A barge-in clears it at once, whatever its size.
		 */
		private Duration playbackLead = Duration.ofMillis(500);

		/**
		 * Longest wait for the goodbye to finish playing before hanging up.
		 */
		private Duration goodbyeTimeout = Duration.ofSeconds(10);

		private final VoiceDetection voiceDetection = new VoiceDetection();

		public Duration getRingTime() {
			return this.ringTime;
		}

		public void setRingTime(Duration ringTime) {
			this.ringTime = ringTime;
		}

		public Duration getEndOfMessageSilence() {
			return this.endOfMessageSilence;
		}

		public void setEndOfMessageSilence(Duration endOfMessageSilence) {
			this.endOfMessageSilence = endOfMessageSilence;
		}

		public Duration getMessageStartTimeout() {
			return this.messageStartTimeout;
		}

		public void setMessageStartTimeout(Duration messageStartTimeout) {
			this.messageStartTimeout = messageStartTimeout;
		}

		public Duration getMaxMessageLength() {
			return this.maxMessageLength;
		}

		public void setMaxMessageLength(Duration maxMessageLength) {
			this.maxMessageLength = maxMessageLength;
		}

		public Duration getPlaybackLead() {
			return this.playbackLead;
		}

		public void setPlaybackLead(Duration playbackLead) {
			this.playbackLead = playbackLead;
		}

		public Duration getGoodbyeTimeout() {
			return this.goodbyeTimeout;
		}

		public void setGoodbyeTimeout(Duration goodbyeTimeout) {
			this.goodbyeTimeout = goodbyeTimeout;
		}

		public VoiceDetection getVoiceDetection() {
			return this.voiceDetection;
		}

	}

	/**
	 * How the receptionist tells that the caller speaks.
	 */
	public static class VoiceDetection {

		/**
		 * How far above the adaptive noise floor a 10 ms frame must be to count as speech, in dB.
		 */
		private double activationThreshold = 9;

		/**
		 * Level below which a frame never counts as speech, in dBFS (-36 dBFS is an RMS of 500).
		 */
		private double minimumLevel = -36;

		/**
		 * How long loud frames must last before the caller counts as speaking.
		 */
		private Duration minSpeech = Duration.ofMillis(40);

		/**
		 * How long quiet frames must last before the caller counts as silent again.
		 */
		private Duration minSilence = Duration.ofMillis(200);

		public double getActivationThreshold() {
			return this.activationThreshold;
		}

		public void setActivationThreshold(double activationThreshold) {
			this.activationThreshold = activationThreshold;
		}

		public double getMinimumLevel() {
			return this.minimumLevel;
		}

		public void setMinimumLevel(double minimumLevel) {
			this.minimumLevel = minimumLevel;
		}

		public Duration getMinSpeech() {
			return this.minSpeech;
		}

		public void setMinSpeech(Duration minSpeech) {
			this.minSpeech = minSpeech;
		}

		public Duration getMinSilence() {
			return this.minSilence;
		}

		public void setMinSilence(Duration minSilence) {
			this.minSilence = minSilence;
		}

		/**
		 * Creates a detector with these settings.
		 * @param sampleRate samples per second of the caller's audio
		 * @return a new detector
		 */
		public EnergyVoiceActivityDetector detector(int sampleRate) {
			return EnergyVoiceActivityDetector.builder(sampleRate)
				.activationThreshold(this.activationThreshold)
				.minimumLevel(this.minimumLevel)
				.minSpeech(this.minSpeech)
				.minSilence(this.minSilence)
				.prefixPadding(Duration.ZERO)
				.build();
		}

	}

	/**
	 * The embedded simulator, used when {@code telcoflow.url} is not set.
	 */
	public static class Simulator {

		/**
		 * Whether the embedded simulator places calls from scripted callers by itself.
		 */
		private boolean autoCalls = true;

		/**
		 * Time between two calls placed by the embedded simulator.
		 */
		private Duration callInterval = Duration.ofSeconds(8);

		/**
		 * Port of the embedded simulator on the loopback interface; 0 for a free port.
		 */
		private int port;

		/**
		 * Whether the embedded simulator keeps the audio the receptionist played in each call's
		 * record, for tests; off by default so that a long-running demo does not grow.
		 */
		private boolean recordAgentAudio;

		public boolean isAutoCalls() {
			return this.autoCalls;
		}

		public void setAutoCalls(boolean autoCalls) {
			this.autoCalls = autoCalls;
		}

		public Duration getCallInterval() {
			return this.callInterval;
		}

		public void setCallInterval(Duration callInterval) {
			this.callInterval = callInterval;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public boolean isRecordAgentAudio() {
			return this.recordAgentAudio;
		}

		public void setRecordAgentAudio(boolean recordAgentAudio) {
			this.recordAgentAudio = recordAgentAudio;
		}

	}

}
