package io.telcoflow.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What happened on one simulated call, as the simulator saw it: the client's commands with their
 * results, the states, every byte of agent audio the client sent on pulls (with timings), empty
 * pulls and the client's protocol errors. Live and thread-safe: every getter returns a snapshot.
 */
public final class CallRecord {

	private final boolean keepAudio;

	private final List<RecordedCommand> commands = new ArrayList<>();

	private final List<String> states = new ArrayList<>();

	private final ByteArrayOutputStream agentAudio = new ByteArrayOutputStream();

	private final List<Instant> audioFrames = new ArrayList<>();

	private final List<String> protocolErrors = new ArrayList<>();

	private final List<String> offeredTo = new ArrayList<>();

	private final List<Character> dtmfSent = new ArrayList<>();

	private long agentAudioBytes;

	private int pulls;

	private int emptyAnswers;

	private int answeredPulls;

	private int callerFrames;

	private int mediaConnections;

	private int sampleRate = 24000;

	private @Nullable Instant offeredAt;

	private @Nullable Instant mediaOpenedAt;

	private @Nullable Instant endedAt;

	private @Nullable String endReason;

	CallRecord(boolean keepAudio) {
		this.keepAudio = keepAudio;
		this.states.add("PENDING");
	}

	/**
	 * Returns the commands in the order their results were decided.
	 * @return the commands
	 */
	public synchronized List<RecordedCommand> commands() {
		return List.copyOf(this.commands);
	}

	/**
	 * Returns the names of the commands, in order.
	 * @return the names
	 */
	public synchronized List<String> commandNames() {
		return this.commands.stream().map(RecordedCommand::name).toList();
	}

	/**
	 * Returns the states the call went through, starting with {@code PENDING}.
	 * @return the states
	 */
	public synchronized List<String> states() {
		return List.copyOf(this.states);
	}

	/**
	 * Returns every byte of agent audio the client sent in answer to pulls, concatenated. Empty
	 * when the simulator was built with {@code recordAgentAudio(false)}.
	 * @return PCM s16le mono at the call's sample rate
	 */
	public synchronized byte[] agentAudio() {
		return this.agentAudio.toByteArray();
	}

	/**
	 * Returns how many agent audio bytes arrived (counted even when audio is not kept).
	 * @return the byte count
	 */
	public synchronized long agentAudioBytes() {
		return this.agentAudioBytes;
	}

	/**
	 * Returns how many {@code audio.pull} messages were sent.
	 * @return the count
	 */
	public synchronized int pulls() {
		return this.pulls;
	}

	/**
	 * Returns how many pulls got no audio (lapsed without a frame, or answered with an empty
	 * frame): the caller heard silence then. The latest pull, which may still be answered, is not
	 * counted.
	 * @return the count
	 */
	public synchronized int emptyPulls() {
		return this.emptyAnswers + Math.max(0, this.pulls - this.answeredPulls - 1);
	}

	/**
	 * Returns when each pulled agent audio frame arrived (empty when agent audio is not recorded).
	 * @return the arrival times, in order
	 */
	public synchronized List<Instant> audioFrames() {
		return List.copyOf(this.audioFrames);
	}

	/**
	 * Returns how many caller audio frames were sent to the client.
	 * @return the count
	 */
	public synchronized int callerFrames() {
		return this.callerFrames;
	}

	/**
	 * Returns the keys the caller pressed, in order.
	 * @return the digits
	 */
	public synchronized List<Character> dtmfSent() {
		return List.copyOf(this.dtmfSent);
	}

	/**
	 * Returns the sessions the call was offered to, in order (more than one after a re-offer).
	 * @return the session ids
	 */
	public synchronized List<String> offeredTo() {
		return List.copyOf(this.offeredTo);
	}

	/**
	 * Returns how many media connections were opened for the call (more than one after a resume or
	 * hand-over).
	 * @return the count
	 */
	public synchronized int mediaConnections() {
		return this.mediaConnections;
	}

	/**
	 * Returns when the call was first offered.
	 * @return the time, {@code null} before
	 */
	public synchronized @Nullable Instant offeredAt() {
		return this.offeredAt;
	}

	/**
	 * Returns when the media connection first opened.
	 * @return the time, {@code null} before
	 */
	public synchronized @Nullable Instant mediaOpenedAt() {
		return this.mediaOpenedAt;
	}

	/**
	 * Returns when the call ended.
	 * @return the time, {@code null} while it goes on
	 */
	public synchronized @Nullable Instant endedAt() {
		return this.endedAt;
	}

	/**
	 * Returns why the call ended (the {@code call.terminated} reason, or {@code media_timeout},
	 * {@code caller_hangup} for calls that ended before their media opened).
	 * @return the reason, {@code null} while it goes on
	 */
	public synchronized @Nullable String endReason() {
		return this.endReason;
	}

	/**
	 * Returns the things the client did wrong on this call (unpulled audio, malformed messages, ...).
	 * @return descriptions, in order
	 */
	public synchronized List<String> protocolErrors() {
		return List.copyOf(this.protocolErrors);
	}

	/**
	 * Returns the call's sample rate.
	 * @return samples per second
	 */
	public synchronized int sampleRate() {
		return this.sampleRate;
	}

	/**
	 * Writes the agent audio as a WAV file (PCM 16-bit mono at the call's sample rate).
	 * @param path the file to write
	 */
	public void writeAgentAudioWav(Path path) {
		byte[] pcm;
		int rate;
		synchronized (this) {
			pcm = this.agentAudio.toByteArray();
			rate = this.sampleRate;
		}
		try {
			WavFile.write(path, rate, pcm);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	synchronized void command(RecordedCommand command) {
		this.commands.add(command);
	}

	synchronized void state(String state) {
		this.states.add(state);
	}

	synchronized void pull() {
		this.pulls++;
	}

	synchronized void answeredPull() {
		this.answeredPulls++;
	}

	synchronized void emptyPull() {
		this.emptyAnswers++;
	}

	synchronized void agentAudio(byte[] data, int length, Instant at) {
		this.agentAudioBytes += length;
		if (this.keepAudio) {
			this.audioFrames.add(at);
			this.agentAudio.write(data, 0, length);
		}
	}

	synchronized void callerFrame() {
		this.callerFrames++;
	}

	synchronized void dtmf(char digit) {
		this.dtmfSent.add(digit);
	}

	synchronized void protocolError(String description) {
		this.protocolErrors.add(description);
	}

	synchronized void offered(String sessionId, Instant at) {
		this.offeredTo.add(sessionId);
		if (this.offeredAt == null) {
			this.offeredAt = at;
		}
	}

	synchronized void mediaOpened(Instant at, int sampleRate) {
		this.mediaConnections++;
		if (this.mediaOpenedAt == null) {
			this.mediaOpenedAt = at;
			this.sampleRate = sampleRate;
		}
	}

	synchronized void ended(String reason, Instant at) {
		this.endReason = reason;
		this.endedAt = at;
	}

	@Override
	public synchronized String toString() {
		return "CallRecord[states=" + this.states + ", commands=" + commandNames() + ", pulls=" + this.pulls
				+ ", emptyPulls=" + emptyPulls() + ", agentAudioBytes=" + this.agentAudioBytes + ", endReason="
				+ this.endReason + ", protocolErrors=" + this.protocolErrors + "]";
	}

}
