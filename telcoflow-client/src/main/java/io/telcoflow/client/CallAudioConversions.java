package io.telcoflow.client;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.client.audio.AudioListener;
import io.telcoflow.client.audio.AudioSender;
import io.telcoflow.client.audio.AudioStream;
import org.jspecify.annotations.Nullable;

/**
 * The format conversions of one call, behind {@link ActiveCall}'s format methods: one inbound
 * converter per format (shared by the converted stream and the converting listener, so that
 * switching between them keeps the resampler's state) and one sender per format. Found by call
 * and dropped when the call ends, which releases the resamplers' state.
 */
final class CallAudioConversions {

	private static final Map<ActiveCall, CallAudioConversions> CALLS = new ConcurrentHashMap<>();

	private final ActiveCall call;

	private final Map<AudioFormat, ConvertedAudioStream> streams = new ConcurrentHashMap<>();

	private final Map<AudioFormat, AudioConverter> inbound = new ConcurrentHashMap<>();

	private final Map<AudioFormat, ConvertingAudioSender> senders = new ConcurrentHashMap<>();

	private CallAudioConversions(ActiveCall call) {
		this.call = call;
	}

	static CallAudioConversions of(ActiveCall call) {
		CallAudioConversions conversions = CALLS.get(call);
		if (conversions != null) {
			return conversions;
		}
		CallAudioConversions created = new CallAudioConversions(call);
		conversions = CALLS.putIfAbsent(call, created);
		if (conversions != null) {
			return conversions;
		}
		// registered outside putIfAbsent: an ended call's future runs this at once
		call.terminationFuture().whenComplete((reason, failure) -> CALLS.remove(call, created));
		return created;
	}

	/** Whether a call's conversions are held; for tests. */
	static boolean holds(ActiveCall call) {
		return CALLS.containsKey(call);
	}

	AudioStream stream(AudioFormat format) {
		Objects.requireNonNull(format, "format");
		return this.streams.computeIfAbsent(format, (f) -> new ConvertedAudioStream(this.call.audioStream(), inbound(f)));
	}

	void setListener(AudioFormat format, @Nullable AudioListener listener) {
		Objects.requireNonNull(format, "format");
		if (listener == null) {
			this.call.setAudioListener(null);
			return;
		}
		AudioConverter converter = inbound(format);
		this.call.setAudioListener((pcm) -> {
			byte[] converted;
			synchronized (converter) {
				converted = converter.convert(pcm);
			}
			if (converted.length > 0) {
				listener.onAudio(converted);
			}
		});
	}

	AudioSender sender(AudioFormat format) {
		Objects.requireNonNull(format, "format");
		return this.senders.computeIfAbsent(format,
				(f) -> new ConvertingAudioSender(this.call, new AudioConverter(f, callFormat())));
	}

	private AudioConverter inbound(AudioFormat format) {
		return this.inbound.computeIfAbsent(format, (f) -> new AudioConverter(callFormat(), f));
	}

	private AudioFormat callFormat() {
		return AudioFormat.pcm(this.call.getSampleRate());
	}

}
