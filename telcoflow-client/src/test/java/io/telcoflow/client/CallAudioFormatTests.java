package io.telcoflow.client;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.Signals;
import io.telcoflow.audio.Signals.SineFit;
import io.telcoflow.audio.codec.G711;
import io.telcoflow.client.audio.AudioSender;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call's audio read and sent in other formats, end to end against the simulator (24 kHz
 * calls): the handler reads the caller at 16 kHz and replies with a prompt it holds as 8 kHz
 * μ-law.
 */
class CallAudioFormatTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** 0.9 s at 16 kHz: most of the caller's second of tone. */
	private static final int CALLER_BYTES_16K = 28_800;

	private final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	private final BlockingQueue<ActiveCall> calls = new LinkedBlockingQueue<>();

	private TelcoflowClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
		this.simulator.close();
	}

	@Test
	void handlerReadsTheCallerAt16KilohertzAndRepliesWithMuLawAt8Kilohertz() throws Exception {
		ByteArrayOutputStream heard = new ByteArrayOutputStream();
		byte[] prompt = muLawPrompt();
		start((call) -> {
			call.answer();
			for (byte[] chunk : call.audioStream(AudioFormat.PCM_16K)) {
				heard.writeBytes(chunk);
				if (heard.size() >= CALLER_BYTES_16K) {
					break;
				}
			}
			AudioSender sender = call.audioSender(AudioFormat.MULAW_8K);
			sender.send(java.util.Arrays.copyOf(prompt, 1001));
			sender.send(java.util.Arrays.copyOfRange(prompt, 1001, prompt.length));
			sender.flush();
			call.awaitPlayback(WAIT);
		});

		SimulatedCall simulated = placeCall();
		ActiveCall call = take();
		assertCallerHeardThePromptConvertedTo24Kilohertz(simulated, prompt);
		assertTone(simulated.record().agentAudio(), 24_000, 1000, 8000, 0.3, -30);
		assertTone(heard.toByteArray(), 16_000, 440, 8000, 0.05, -60);
		assertThat(heard.size()).isGreaterThanOrEqualTo(CALLER_BYTES_16K);
		await().atMost(WAIT).until(() -> !CallAudioConversions.holds(call));
	}

	@Test
	void audioListenerHearsTheCallerAt16KilohertzAndRepliesWithMuLawAt8Kilohertz() throws Exception {
		ByteArrayOutputStream heard = new ByteArrayOutputStream();
		AtomicBoolean replied = new AtomicBoolean();
		byte[] prompt = muLawPrompt();
		start((call) -> {
			AudioSender sender = call.audioSender(AudioFormat.MULAW_8K);
			call.setAudioListener(AudioFormat.PCM_16K, (chunk) -> {
				synchronized (heard) {
					heard.writeBytes(chunk);
					if (heard.size() >= CALLER_BYTES_16K && replied.compareAndSet(false, true)) {
						sender.send(prompt);
						sender.flush();
					}
				}
			});
			call.answer();
		});

		SimulatedCall simulated = placeCall();
		ActiveCall call = take();
		assertCallerHeardThePromptConvertedTo24Kilohertz(simulated, prompt);
		synchronized (heard) {
			// the caller's second of tone; silence follows it
			assertTone(java.util.Arrays.copyOf(heard.toByteArray(), CALLER_BYTES_16K), 16_000, 440, 8000, 0.05, -60);
		}
		await().atMost(WAIT).until(() -> !CallAudioConversions.holds(call));
	}

	@Test
	void unsupportedRateFailsWithTheSupportedOnes() throws Exception {
		start((call) -> {
		});
		placeCall();
		ActiveCall call = take();
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> call.audioStream(AudioFormat.pcm(96_000)))
			.withMessageContaining("96000")
			.withMessageContaining("16000");
	}

	/**
	 * Waits for the prompt to be played, hangs up, and checks that the caller heard it exactly as
	 * a whole-file conversion gives it.
	 */
	private static void assertCallerHeardThePromptConvertedTo24Kilohertz(SimulatedCall simulated, byte[] prompt) {
		byte[] expected = converted(prompt);
		await().atMost(WAIT).until(() -> simulated.record().agentAudio().length >= expected.length);
		simulated.hangUp();
		simulated.awaitEnded(WAIT);
		assertThat(simulated.record().agentAudio()).isEqualTo(expected);
	}

	private void start(IncomingCallHandler handler) {
		TelcoflowConfig config = TelcoflowConfig.builder()
			.url(this.simulator.url())
			.apiKey(this.simulator.apiKey(), this.simulator.connectorUuid())
			.build();
		this.client = TelcoflowClient.builder(config).build();
		this.client.onIncomingCall((call) -> {
			this.calls.add(call);
			handler.onIncomingCall(call);
		});
		this.client.connect();
		this.client.ready();
		this.simulator.awaitReadySessions(1, WAIT);
	}

	private SimulatedCall placeCall() {
		return this.simulator.placeCall(
				CallScript.builder().callerAudio(CallerAudio.tone(440, Duration.ofSeconds(1))).build());
	}

	private ActiveCall take() throws InterruptedException {
		ActiveCall call = this.calls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(call).as("a call reached the handler").isNotNull();
		return call;
	}

	/** Half a second of 1 kHz at 8 kHz, μ-law. */
	private static byte[] muLawPrompt() {
		return G711.encodeMuLaw(Signals.toBytes(Signals.sine(8000, 1000, 8000, 4000)));
	}

	private static byte[] converted(byte[] muLaw) {
		AudioConverter converter = new AudioConverter(AudioFormat.MULAW_8K, AudioFormat.PCM_24K);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(converter.convert(muLaw));
		out.writeBytes(converter.flush());
		assertThat(out.size()).as("0.5 s at 24 kHz").isEqualTo(24_000);
		return out.toByteArray();
	}

	/**
	 * Fits a sine to the middle of the audio: its amplitude within {@code toleranceDb} of the
	 * expected one and what it does not explain at most {@code maxThdNoiseDb} below it.
	 */
	private static void assertTone(byte[] pcm, int rate, double hertz, double amplitude, double toleranceDb,
			double maxThdNoiseDb) {
		short[] samples = Signals.toSamples(pcm);
		SineFit fit = Signals.fit(samples, rate, hertz, samples.length / 10, samples.length - samples.length / 10);
		assertThat(20 * Math.log10(fit.amplitude() / amplitude)).as("gain of the %s Hz tone (dB)", hertz)
			.isCloseTo(0, Offset.offset(toleranceDb));
		assertThat(fit.thdPlusNoiseDb()).as("THD+N of the %s Hz tone (dB)", hertz).isLessThanOrEqualTo(maxThdNoiseDb);
	}

}
