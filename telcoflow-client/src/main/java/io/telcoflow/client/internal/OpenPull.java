package io.telcoflow.client.internal;

import io.telcoflow.client.internal.audio.OutgoingAudioBuffer;
import io.telcoflow.client.internal.transport.WebSocketConnection;
import org.jspecify.annotations.Nullable;

/**
 * The {@code audio.pull} of a call's media connection that is still to be answered.
 * <p>
 * A pull that finds the outgoing buffer empty stays open until the next pull arrives (protocol
 * section 4.3: one frame per pull, any time before the next) and is answered by the thread that
 * appends audio ({@link #audioAppended()}), so that audio written just after a pull, as an echo
 * does, is not held back a whole frame. Frames still go through the connection's single writer.
 * It is a class of its own because both the media reader thread and the application's writing
 * thread answer pulls, and the lock that keeps them apart should guard nothing else.
 */
final class OpenPull {

	/** The most bytes one pull takes, whatever the server asks for. */
	static final int MAX_PULL_BYTES = 64 * 1024;

	private final DefaultActiveCall call;

	private final DefaultTelcoflowClient client;

	/** Guards the open pull and {@link #scratch}. */
	private final Object pullLock = new Object();

	/** The bytes of the open pull, 0 when none is open. */
	private volatile int openPull;

	/** The connection the open pull came on. */
	private @Nullable WebSocketConnection openPullConnection;

	/** Reused for every pull, under the pull lock. */
	private byte[] scratch = new byte[0];

	OpenPull(DefaultActiveCall call, DefaultTelcoflowClient client) {
		this.call = call;
		this.client = client;
	}

	/**
	 * A pull arrived (reader thread): answers it now if the buffer holds audio, else leaves it open.
	 * @param connection the connection it came on
	 * @param bytes the bytes asked for
	 */
	void pull(WebSocketConnection connection, int bytes) {
		int sent;
		synchronized (this.pullLock) {
			// a new pull replaces an open one; it is open before the buffer is looked at, so that an
			// append racing with this pull either is taken here or sees the pull open
			this.openPullConnection = connection;
			this.openPull = Math.min(bytes, MAX_PULL_BYTES);
			sent = answerOpenPull();
		}
		audioSent(sent);
	}

	/**
	 * Audio was appended to the call's buffer: answers the open pull, if any, from the calling
	 * thread.
	 */
	void audioAppended() {
		if (this.openPull == 0) {
			return;
		}
		int sent;
		synchronized (this.pullLock) {
			sent = answerOpenPull();
		}
		audioSent(sent);
	}

	private void audioSent(int bytes) {
		if (bytes > 0) {
			this.client.listeners().eachNow((listener) -> listener.onAudioSent(this.call, bytes));
		}
	}

	/**
	 * Drops the open pull (the call no longer plays audio).
	 */
	void lapse() {
		synchronized (this.pullLock) {
			this.openPull = 0;
			this.openPullConnection = null;
		}
	}

	/**
	 * Answers the open pull from the buffer, with the pull lock held.
	 * @return the bytes sent, 0 when none
	 */
	private int answerOpenPull() {
		int bytes = this.openPull;
		WebSocketConnection connection = this.openPullConnection;
		if (bytes == 0 || connection == null) {
			return 0;
		}
		if (!connection.isOpen()) {
			this.openPull = 0;
			this.openPullConnection = null;
			return 0;
		}
		if (this.scratch.length < bytes) {
			this.scratch = new byte[bytes];
		}
		OutgoingAudioBuffer buffer = this.call.buffer();
		int taken = buffer.take(this.scratch, bytes);
		if (taken == 0) {
			return 0;
		}
		this.openPull = 0;
		this.openPullConnection = null;
		boolean sent;
		try {
			sent = connection.sendBinary(this.scratch, 0, taken);
		}
		finally {
			// playback completes only now: whatever the application sends next follows this frame
			buffer.sent(taken);
		}
		return sent ? taken : 0;
	}

}
