package io.telcoflow.client;

import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.client.audio.AudioSender;

/**
 * An {@link AudioSender} of one call and format: converts on a copy of its converter and keeps
 * the copy only when the call took the audio, so that a full buffer loses nothing.
 */
final class ConvertingAudioSender implements AudioSender {

	private final ActiveCall call;

	private AudioConverter converter;

	ConvertingAudioSender(ActiveCall call, AudioConverter converter) {
		this.call = call;
		this.converter = converter;
	}

	@Override
	public AudioFormat format() {
		return this.converter.source();
	}

	@Override
	public synchronized void send(byte[] audio) {
		if (audio.length == 0) {
			return;
		}
		AudioConverter attempt = this.converter.copy();
		byte[] converted = attempt.convert(audio);
		if (converted.length > 0) {
			this.call.sendAudio(converted);
		}
		this.converter = attempt;
	}

	@Override
	public synchronized void flush() {
		AudioConverter attempt = this.converter.copy();
		byte[] tail = attempt.flush();
		if (tail.length > 0) {
			this.call.sendAudio(tail);
		}
		this.converter = attempt;
	}

	@Override
	public synchronized void clear() {
		this.converter.reset();
		this.call.clearSendAudioBuffer();
	}

	@Override
	public String toString() {
		return "AudioSender[" + this.converter + "]";
	}

}
