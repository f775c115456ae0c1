package io.telcoflow.demo;

import java.nio.file.Path;
import java.time.Duration;

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

	private final Receptionist receptionist = new Receptionist();

	private final Simulator simulator = new Simulator();

	public Path getRecordingsDir() {
		return this.recordingsDir;
	}

	public void setRecordingsDir(Path recordingsDir) {
		this.recordingsDir = recordingsDir;
	}

	public Receptionist getReceptionist() {
		return this.receptionist;
	}

	public Simulator getSimulator() {
		return this.simulator;
	}

	/**
	 * How the receptionist handles a call.
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
		 * RMS of a 20 ms frame, in 16-bit sample units (0 to 32768), from which it counts as speech.
		 */
		private double threshold = 500;

		/**
		 * Loud frames in a row after which the caller counts as speaking.
		 */
		private int onsetFrames = 2;

		/**
		 * Quiet frames in a row after which the caller counts as silent again.
		 */
		private int hangoverFrames = 10;

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
		}

		public int getOnsetFrames() {
			return this.onsetFrames;
		}

		public void setOnsetFrames(int onsetFrames) {
			this.onsetFrames = onsetFrames;
		}

		public int getHangoverFrames() {
			return this.hangoverFrames;
		}

		public void setHangoverFrames(int hangoverFrames) {
			this.hangoverFrames = hangoverFrames;
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
