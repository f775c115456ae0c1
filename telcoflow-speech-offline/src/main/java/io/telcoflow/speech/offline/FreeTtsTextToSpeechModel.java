package io.telcoflow.speech.offline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.resample.Resampler;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.audio.tts.Speech;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechOptions;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.audio.tts.TextToSpeechResponse;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Spring AI {@link TextToSpeechModel} over FreeTTS: US English speech synthesized on the CPU from
 * the voices inside the FreeTTS jar, with no network and no account. Robotic: for tests, demos and
 * development, not for production speech.
 * <p>
 * The voice speaks at its own rate (16 kHz for {@value FreeTtsTextToSpeechOptions#VOICE_16K}) and
 * the audio is resampled to the requested sample rate (24 kHz by default, a Telcoflow call's) with
 * telcoflow-audio's {@link Resampler}. Formats: raw signed 16-bit little-endian mono PCM
 * ({@value FreeTtsTextToSpeechOptions#FORMAT_PCM}) or a WAV file of it
 * ({@value FreeTtsTextToSpeechOptions#FORMAT_WAV}); see {@link FreeTtsTextToSpeechOptions}.
 * Unsupported options are refused with an {@link IllegalArgumentException} that names what is
 * supported. Blank text gives no audio.
 * <p>
 * {@link #stream(TextToSpeechPrompt)} synthesizes one sentence at a time and emits each as soon as
 * it is ready (raw PCM; a WAV file comes whole), on Reactor's bounded-elastic scheduler.
 * <p>
 * Thread-safe. FreeTTS voices are not, so each synthesis borrows a voice from a pool (created when
 * first needed, at most {@code maxConcurrentSyntheses} per voice; a caller waits while all are
 * busy). One voice of the default kind is created by the constructor: about half a second, and a
 * broken set-up fails there. FreeTTS sets no system property here, plays nothing, and writes to
 * {@code System.err} only when an utterance fails (this model then throws).
 */
public final class FreeTtsTextToSpeechModel implements TextToSpeechModel {

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+");

	private static final List<String> VOICES = List.of(FreeTtsTextToSpeechOptions.VOICE_16K,
			FreeTtsTextToSpeechOptions.VOICE_8K);

	private static final List<String> FORMATS = List.of(FreeTtsTextToSpeechOptions.FORMAT_PCM,
			FreeTtsTextToSpeechOptions.FORMAT_WAV);

	private final FreeTtsTextToSpeechOptions defaults;

	private final int maxConcurrentSyntheses;

	private final Map<String, ModelPool<FreeTtsVoice>> voices = new ConcurrentHashMap<>();

	/**
	 * Creates a model with {@link FreeTtsTextToSpeechOptions#defaults()}: 16 kHz voice, raw PCM at
	 * 24 kHz, at most as many concurrent syntheses as there are processors.
	 */
	public FreeTtsTextToSpeechModel() {
		this(FreeTtsTextToSpeechOptions.defaults());
	}

	/**
	 * Creates a model with default options of its own, allowing as many concurrent syntheses as
	 * there are processors.
	 * @param defaults the options used where a request sets none; unset values take
	 * {@link FreeTtsTextToSpeechOptions#defaults()}
	 * @throws IllegalArgumentException when an option is not supported
	 */
	public FreeTtsTextToSpeechModel(FreeTtsTextToSpeechOptions defaults) {
		this(defaults, Runtime.getRuntime().availableProcessors());
	}

	/**
	 * Creates a model.
	 * @param defaults the options used where a request sets none; unset values take
	 * {@link FreeTtsTextToSpeechOptions#defaults()}
	 * @param maxConcurrentSyntheses how many texts may be synthesized at once with each voice (one
	 * FreeTTS voice, a few megabytes, each)
	 * @throws IllegalArgumentException when an option is not supported or the maximum is below 1
	 */
	public FreeTtsTextToSpeechModel(FreeTtsTextToSpeechOptions defaults, int maxConcurrentSyntheses) {
		Objects.requireNonNull(defaults, "defaults");
		if (maxConcurrentSyntheses < 1) {
			throw new IllegalArgumentException("maxConcurrentSyntheses must be at least 1, was " + maxConcurrentSyntheses);
		}
		this.defaults = Request.merge(FreeTtsTextToSpeechOptions.defaults(), defaults);
		this.maxConcurrentSyntheses = maxConcurrentSyntheses;
		Request request = Request.resolve(this.defaults, null);
		pool(request.voice()).prepareOne();
	}

	@Override
	public TextToSpeechResponse call(TextToSpeechPrompt prompt) {
		Request request = Request.resolve(this.defaults, prompt.getOptions());
		String text = prompt.getInstructions().getText();
		byte[] pcm = text.isBlank() ? new byte[0] : synthesize(request, text);
		return response(request, pcm);
	}

	@Override
	public Flux<TextToSpeechResponse> stream(TextToSpeechPrompt prompt) {
		return Flux.defer(() -> {
			Request request = Request.resolve(this.defaults, prompt.getOptions());
			String text = prompt.getInstructions().getText();
			if (request.wav()) {
				return Flux.just(call(prompt));
			}
			List<String> sentences = SENTENCE_END.splitAsStream(text.strip()).filter((s) -> !s.isBlank()).toList();
			return Flux.fromIterable(sentences).map((sentence) -> response(request, synthesize(request, sentence)));
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Returns the options used where a request sets none.
	 * @return the options, every value set
	 */
	@Override
	public FreeTtsTextToSpeechOptions getOptions() {
		return this.defaults;
	}

	private byte[] synthesize(Request request, String text) {
		ModelPool<FreeTtsVoice> pool = pool(request.voice());
		FreeTtsVoice voice = pool.borrow();
		byte[] audio;
		try {
			audio = voice.speak(text, request.speed());
		}
		catch (RuntimeException ex) {
			pool.discard(voice);
			throw ex;
		}
		int voiceRate = voice.sampleRate();
		pool.release(voice);
		if (voiceRate == request.sampleRate()) {
			return audio;
		}
		return WholeAudio.convert(audio, AudioFormat.pcm(voiceRate), AudioFormat.pcm(request.sampleRate()), 0);
	}

	private static TextToSpeechResponse response(Request request, byte[] pcm) {
		byte[] output = request.wav() ? WavWriter.toBytes(new WavAudio(AudioFormat.pcm(request.sampleRate()), pcm))
				: pcm;
		return new TextToSpeechResponse(List.of(new Speech(output)));
	}

	private ModelPool<FreeTtsVoice> pool(String voice) {
		return this.voices.computeIfAbsent(voice, (name) -> new ModelPool<>("FreeTTS voices '" + name + "'",
				() -> FreeTtsVoice.create(name), this.maxConcurrentSyntheses));
	}

	@Override
	public String toString() {
		return "FreeTtsTextToSpeechModel[" + this.defaults + "]";
	}

	/**
	 * One request's options, checked, with the model's defaults filled in.
	 */
	private record Request(String voice, String format, double speed, int sampleRate) {

		static FreeTtsTextToSpeechOptions merge(FreeTtsTextToSpeechOptions base, @Nullable TextToSpeechOptions options) {
			if (options == null) {
				return base;
			}
			Integer sampleRate = (options instanceof FreeTtsTextToSpeechOptions freeTts) ? freeTts.getSampleRate() : null;
			return FreeTtsTextToSpeechOptions.builder()
				.model(first(options.getModel(), base.getModel()))
				.voice(first(options.getVoice(), base.getVoice()))
				.format(first(options.getFormat(), base.getFormat()))
				.speed(first(options.getSpeed(), base.getSpeed()))
				.sampleRate(first(sampleRate, base.getSampleRate()))
				.build();
		}

		static Request resolve(FreeTtsTextToSpeechOptions defaults, @Nullable TextToSpeechOptions options) {
			FreeTtsTextToSpeechOptions merged = merge(defaults, options);
			String model = Objects.requireNonNull(merged.getModel());
			if (!model.equalsIgnoreCase(FreeTtsTextToSpeechOptions.MODEL)) {
				throw new IllegalArgumentException(
						"Unsupported model '" + model + "'; FreeTtsTextToSpeechModel supports: " + FreeTtsTextToSpeechOptions.MODEL);
			}
			String voice = Objects.requireNonNull(merged.getVoice()).toLowerCase(Locale.ROOT);
			if (!VOICES.contains(voice)) {
				throw new IllegalArgumentException(
						"Unsupported voice '" + merged.getVoice() + "'; FreeTtsTextToSpeechModel supports: " + VOICES);
			}
			String format = Objects.requireNonNull(merged.getFormat()).toLowerCase(Locale.ROOT);
			if (!FORMATS.contains(format)) {
				throw new IllegalArgumentException("Unsupported format '" + merged.getFormat()
						+ "'; FreeTtsTextToSpeechModel supports: pcm (signed 16-bit little-endian mono), wav");
			}
			double speed = Objects.requireNonNull(merged.getSpeed());
			if (!(speed > 0 && speed <= 10)) {
				throw new IllegalArgumentException("Unsupported speed " + speed + "; it must be above 0 and at most 10");
			}
			int sampleRate = Objects.requireNonNull(merged.getSampleRate());
			if (!Resampler.SUPPORTED_RATES.contains(sampleRate)) {
				throw new IllegalArgumentException("Unsupported sample rate " + sampleRate
						+ " Hz; FreeTtsTextToSpeechModel supports: " + Resampler.SUPPORTED_RATES.stream().sorted().toList());
			}
			return new Request(voice, format, speed, sampleRate);
		}

		private static <T> @Nullable T first(@Nullable T value, @Nullable T fallback) {
			return (value != null) ? value : fallback;
		}

		boolean wav() {
			return FreeTtsTextToSpeechOptions.FORMAT_WAV.equals(this.format);
		}

	}

}
