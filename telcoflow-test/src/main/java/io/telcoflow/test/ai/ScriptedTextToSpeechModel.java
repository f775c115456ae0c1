package io.telcoflow.test.ai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.telcoflow.audio.AudioFormat;
import reactor.core.publisher.Flux;

import org.springframework.ai.audio.tts.Speech;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.audio.tts.TextToSpeechResponse;

/**
 * A {@link TextToSpeechModel} that "speaks" any text as a tone of a known length: a fixed duration
 * per character (default 50 ms), PCM s16le at a chosen rate (default 24 kHz, OpenAI's {@code pcm}).
 * So a test knows exactly how many bytes each sentence takes ({@link #audioBytes(String)}) and can
 * tell which text the caller heard from the bytes the server pulled. Streams in chunks (default
 * 4,800 bytes, 100 ms at 24 kHz), optionally paced, and can fail or hang on chosen texts. Records
 * the texts it was asked for and the syntheses cancelled. Thread-safe.
 */
public final class ScriptedTextToSpeechModel implements TextToSpeechModel {

	private static final int AMPLITUDE = 8000;

	private static final int TONE_HZ = 440;

	private final AudioFormat format;

	private volatile Duration perCharacter = Duration.ofMillis(50);

	private volatile int chunkBytes = 4800;

	private volatile Duration chunkDelay = Duration.ZERO;

	private volatile Predicate<String> failWhen = (text) -> false;

	private volatile Predicate<String> hangWhen = (text) -> false;

	private final List<String> texts = new ArrayList<>();

	private final AtomicInteger cancellations = new AtomicInteger();

	/**
	 * Creates a model that speaks PCM s16le at 24 kHz.
	 */
	public ScriptedTextToSpeechModel() {
		this(AudioFormat.PCM_24K);
	}

	/**
	 * Creates a model that speaks PCM s16le at a rate.
	 * @param format the format (PCM s16le)
	 */
	public ScriptedTextToSpeechModel(AudioFormat format) {
		this.format = Objects.requireNonNull(format, "format");
	}

	/**
	 * Sets how long each character sounds.
	 * @param perCharacter the duration per character
	 * @return this model
	 */
	public ScriptedTextToSpeechModel perCharacter(Duration perCharacter) {
		this.perCharacter = Objects.requireNonNull(perCharacter, "perCharacter");
		return this;
	}

	/**
	 * Sets the size of the streamed chunks.
	 * @param bytes the size, even
	 * @return this model
	 */
	public ScriptedTextToSpeechModel chunkBytes(int bytes) {
		if (bytes <= 0 || bytes % 2 != 0) {
			throw new IllegalArgumentException("Chunk size must be even and positive, was " + bytes);
		}
		this.chunkBytes = bytes;
		return this;
	}

	/**
	 * Sets a pause before each streamed chunk (a synthesis that takes time).
	 * @param delay the pause
	 * @return this model
	 */
	public ScriptedTextToSpeechModel chunkDelay(Duration delay) {
		this.chunkDelay = Objects.requireNonNull(delay, "delay");
		return this;
	}

	/**
	 * Makes the synthesis of some texts fail.
	 * @param when which texts
	 * @return this model
	 */
	public ScriptedTextToSpeechModel failWhen(Predicate<String> when) {
		this.failWhen = Objects.requireNonNull(when, "when");
		return this;
	}

	/**
	 * Makes the synthesis of some texts never answer (to test a timeout).
	 * @param when which texts
	 * @return this model
	 */
	public ScriptedTextToSpeechModel hangWhen(Predicate<String> when) {
		this.hangWhen = Objects.requireNonNull(when, "when");
		return this;
	}

	/**
	 * Returns how many bytes this model makes of a text.
	 * @param text the text
	 * @return the bytes
	 */
	public int audioBytes(String text) {
		return this.format.bytes(this.perCharacter.multipliedBy(text.length()));
	}

	/**
	 * Returns the format of the audio it makes.
	 * @return the format
	 */
	public AudioFormat format() {
		return this.format;
	}

	/**
	 * Returns the texts it was asked to speak.
	 * @return the texts, oldest first
	 */
	public List<String> texts() {
		synchronized (this.texts) {
			return List.copyOf(this.texts);
		}
	}

	/**
	 * Returns how many streamed syntheses were cancelled before they finished.
	 * @return the count
	 */
	public int cancellations() {
		return this.cancellations.get();
	}

	@Override
	public TextToSpeechResponse call(TextToSpeechPrompt prompt) {
		String text = prompt.getInstructions().getText();
		remember(text);
		if (this.failWhen.test(text)) {
			throw new IllegalStateException("Scripted speech failure for: " + text);
		}
		return new TextToSpeechResponse(List.of(new Speech(tone(audioBytes(text)))));
	}

	@Override
	public Flux<TextToSpeechResponse> stream(TextToSpeechPrompt prompt) {
		String text = prompt.getInstructions().getText();
		return Flux.defer(() -> {
			remember(text);
			if (this.failWhen.test(text)) {
				return Flux.<byte[]>error(new IllegalStateException("Scripted speech failure for: " + text));
			}
			if (this.hangWhen.test(text)) {
				return Flux.<byte[]>never();
			}
			byte[] audio = tone(audioBytes(text));
			List<byte[]> chunks = new ArrayList<>();
			for (int i = 0; i < audio.length; i += this.chunkBytes) {
				chunks.add(java.util.Arrays.copyOfRange(audio, i, Math.min(audio.length, i + this.chunkBytes)));
			}
			Flux<byte[]> flux = Flux.fromIterable(chunks);
			Duration delay = this.chunkDelay;
			return delay.isZero() ? flux : flux.delayElements(delay);
		})
			.map((chunk) -> new TextToSpeechResponse(List.of(new Speech(chunk))))
			.doOnCancel(this.cancellations::incrementAndGet);
	}

	private void remember(String text) {
		synchronized (this.texts) {
			this.texts.add(text);
		}
	}

	private byte[] tone(int bytes) {
		byte[] pcm = new byte[bytes - (bytes % 2)];
		for (int i = 0; i < pcm.length / 2; i++) {
			short value = (short) Math.round(Math.sin(2 * Math.PI * TONE_HZ * i / this.format.sampleRate()) * AMPLITUDE);
			pcm[2 * i] = (byte) value;
			pcm[2 * i + 1] = (byte) (value >> 8);
		}
		return pcm;
	}

	@Override
	public String toString() {
		return "ScriptedTextToSpeechModel[" + this.format + ", " + this.perCharacter + " per character]";
	}

}
