package io.telcoflow.spring.boot.autoconfigure.voiceagent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for the three OpenAI endpoints a cascaded voice agent calls, on
 * {@code 127.0.0.1} and a free port: {@code POST /v1/audio/transcriptions} (multipart upload,
 * answers the canned transcript as {@code text} or {@code json}), {@code POST /v1/chat/completions}
 * (answers the canned reply as server-sent events when {@code stream} is true, else as one
 * completion) and {@code POST /v1/audio/speech} (answers canned PCM, in uneven chunks so that a
 * client must re-frame). It records every request it got; anything else gets a 404 in OpenAI's
 * error shape and is recorded as unexpected.
 */
final class FakeOpenAiServer implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** The speech body is written in chunks of this many bytes: odd, so chunks split samples. */
	static final int SPEECH_CHUNK_BYTES = 1001;

	private final HttpServer server;

	private final ExecutorService executor;

	private final AtomicInteger ids = new AtomicInteger();

	private final List<Transcription> transcriptions = new CopyOnWriteArrayList<>();

	private final List<Chat> chats = new CopyOnWriteArrayList<>();

	private final List<Speech> speeches = new CopyOnWriteArrayList<>();

	private final List<String> unexpected = new CopyOnWriteArrayList<>();

	private volatile String transcript = "";

	private volatile List<String> replyDeltas = List.of();

	private volatile Function<String, byte[]> speechPcm = (text) -> new byte[0];

	private FakeOpenAiServer(HttpServer server) {
		this.server = server;
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "fake-openai");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(this.executor);
		server.createContext("/", this::handle);
	}

	/**
	 * Starts a server on {@code 127.0.0.1} and a free port.
	 */
	static FakeOpenAiServer start() throws IOException {
		FakeOpenAiServer fake = new FakeOpenAiServer(
				HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16));
		fake.server.start();
		return fake;
	}

	/**
	 * The value for {@code spring.ai.openai.base-url}: the OpenAI Java SDK that Spring AI 2 uses
	 * appends paths such as {@code chat/completions} to it, so it ends in {@code /v1} (Spring AI's
	 * own default is {@code https://api.openai.com/v1}).
	 */
	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	/** What the transcription endpoint answers. */
	FakeOpenAiServer transcript(String text) {
		this.transcript = text;
		return this;
	}

	/** What the chat endpoint answers, one streamed delta per element. */
	FakeOpenAiServer reply(String... deltas) {
		this.replyDeltas = List.of(deltas);
		return this;
	}

	/** What the speech endpoint answers for an input text: 24 kHz s16le mono. */
	FakeOpenAiServer speech(Function<String, byte[]> pcmForText) {
		this.speechPcm = pcmForText;
		return this;
	}

	/**
	 * Speech that tells texts apart: 20 ms per character of a tone whose pitch depends on the text,
	 * 24 kHz s16le mono (OpenAI's {@code pcm}).
	 */
	static byte[] pcmFor(String text) {
		int samples = text.length() * 480;
		double hertz = 200 + Math.floorMod(text.hashCode(), 600);
		byte[] pcm = new byte[samples * 2];
		for (int i = 0; i < samples; i++) {
			short value = (short) Math.round(Math.sin(2 * Math.PI * hertz * i / 24000) * 6000);
			pcm[2 * i] = (byte) value;
			pcm[2 * i + 1] = (byte) (value >> 8);
		}
		return pcm;
	}

	/** Where {@code part} first occurs in {@code data} at or after {@code from}, or -1. */
	static int indexOf(byte[] data, byte[] part, int from) {
		outer: for (int i = Math.max(0, from); i <= data.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (data[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	List<Transcription> transcriptions() {
		return List.copyOf(this.transcriptions);
	}

	List<Chat> chats() {
		return List.copyOf(this.chats);
	}

	List<Speech> speeches() {
		return List.copyOf(this.speeches);
	}

	/** Requests to paths or methods this server does not answer. */
	List<String> unexpected() {
		return List.copyOf(this.unexpected);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			switch (request) {
				case "POST /v1/audio/transcriptions" -> transcribe(exchange, authorization, body);
				case "POST /v1/chat/completions" -> chat(exchange, authorization, body);
				case "POST /v1/audio/speech" -> speak(exchange, authorization, body);
				default -> {
					this.unexpected.add(request);
					send(exchange, 404, "application/json", "{\"error\":{\"message\":\"Unknown request " + request
							+ "\",\"type\":\"invalid_request_error\"}}");
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the client sees a broken response (and retries): the test sees why
			this.unexpected.add(request + " failed: " + ex);
			throw ex;
		}
	}

	private void transcribe(HttpExchange exchange, String authorization, byte[] body) throws IOException {
		Multipart form = Multipart.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body);
		Transcription request = new Transcription(authorization, form.fields(), form.filename("file"),
				form.bytes("file"));
		this.transcriptions.add(request);
		String format = form.fields().getOrDefault("response_format", "json");
		if ("text".equals(format)) {
			send(exchange, 200, "text/plain; charset=utf-8", this.transcript);
		}
		else {
			send(exchange, 200, "application/json",
					json.writeValueAsString(json.createObjectNode().put("text", this.transcript)));
		}
	}

	private void chat(HttpExchange exchange, String authorization, byte[] body) throws IOException {
		JsonNode request = json.readTree(body);
		this.chats.add(new Chat(authorization, request));
		String id = "chatcmpl-" + this.ids.incrementAndGet();
		String model = request.path("model").asString("gpt-test");
		if (!request.path("stream").asBoolean(false)) {
			ObjectNode completion = completion(id, model, "chat.completion");
			ObjectNode choice = completion.putArray("choices").addObject();
			choice.put("index", 0).put("finish_reason", "stop").putNull("logprobs");
			choice.putObject("message").put("role", "assistant").put("content", String.join("", this.replyDeltas));
			send(exchange, 200, "application/json", json.writeValueAsString(completion));
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		List<String> deltas = new ArrayList<>();
		deltas.add(null);
		deltas.addAll(this.replyDeltas);
		for (String delta : deltas) {
			ObjectNode chunk = completion(id, model, "chat.completion.chunk");
			ObjectNode choice = chunk.putArray("choices").addObject();
			choice.put("index", 0).putNull("finish_reason").putNull("logprobs");
			ObjectNode message = choice.putObject("delta");
			if (delta == null) {
				message.put("role", "assistant").put("content", "");
			}
			else {
				message.put("content", delta);
			}
			event(out, json.writeValueAsString(chunk));
		}
		ObjectNode last = completion(id, model, "chat.completion.chunk");
		ArrayNode choices = last.putArray("choices");
		choices.addObject().put("index", 0).put("finish_reason", "stop").putNull("logprobs").putObject("delta");
		event(out, json.writeValueAsString(last));
		if (request.path("stream_options").path("include_usage").asBoolean(false)) {
			// as OpenAI does: a last chunk with no choices and the usage (Spring AI asks for it)
			ObjectNode usage = completion(id, model, "chat.completion.chunk");
			usage.putArray("choices");
			usage.putObject("usage").put("prompt_tokens", 20).put("completion_tokens", this.replyDeltas.size())
				.put("total_tokens", 20 + this.replyDeltas.size());
			event(out, json.writeValueAsString(usage));
		}
		event(out, "[DONE]");
	}

	private static ObjectNode completion(String id, String model, String object) {
		return json.createObjectNode().put("id", id).put("object", object).put("created", 1764979200L).put("model", model);
	}

	private static void event(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private void speak(HttpExchange exchange, String authorization, byte[] body) throws IOException {
		JsonNode request = json.readTree(body);
		this.speeches.add(new Speech(authorization, request));
		byte[] pcm = this.speechPcm.apply(request.path("input").asString(""));
		exchange.getResponseHeaders().set("Content-Type", "audio/pcm");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		for (int from = 0; from < pcm.length; from += SPEECH_CHUNK_BYTES) {
			out.write(pcm, from, Math.min(SPEECH_CHUNK_BYTES, pcm.length - from));
			out.flush();
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	/**
	 * A transcription request.
	 * @param authorization the {@code Authorization} header
	 * @param fields the form's text fields ({@code model}, {@code response_format}, ...)
	 * @param filename the uploaded file's name
	 * @param file the uploaded file's bytes
	 */
	record Transcription(String authorization, Map<String, String> fields, String filename, byte[] file) {

		String model() {
			return this.fields.get("model");
		}

		/**
		 * The uploaded file as read by the JDK's own WAV reader: fails unless it is a WAV file.
		 */
		Wav wav() {
			try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(this.file))) {
				return new Wav(AudioSystem.getAudioFileFormat(new ByteArrayInputStream(this.file)).getType().toString(),
						in.getFormat(), in.readAllBytes());
			}
			catch (UnsupportedAudioFileException | IOException ex) {
				throw new AssertionError("The uploaded " + this.filename + " is not a WAV file: " + ex, ex);
			}
		}

	}

	/**
	 * An uploaded WAV file.
	 * @param type the file type ({@code WAVE})
	 * @param format the samples' format
	 * @param pcm the samples
	 */
	record Wav(String type, AudioFormat format, byte[] pcm) {
	}

	/**
	 * A chat completion request.
	 * @param authorization the {@code Authorization} header
	 * @param body the JSON body
	 */
	record Chat(String authorization, JsonNode body) {

		String model() {
			return this.body.path("model").asString();
		}

		boolean stream() {
			return this.body.path("stream").asBoolean(false);
		}

		/** The messages as {@code role: content}, in order. */
		List<String> messages() {
			List<String> messages = new ArrayList<>();
			for (JsonNode message : this.body.path("messages")) {
				messages.add(message.path("role").asString() + ": " + text(message.path("content")));
			}
			return messages;
		}

		private static String text(JsonNode content) {
			if (content.isArray()) {
				StringBuilder text = new StringBuilder();
				content.forEach((part) -> text.append(part.path("text").asString("")));
				return text.toString();
			}
			return content.asString("");
		}

	}

	/**
	 * A speech request.
	 * @param authorization the {@code Authorization} header
	 * @param body the JSON body
	 */
	record Speech(String authorization, JsonNode body) {

		String model() {
			return this.body.path("model").asString();
		}

		String voice() {
			return this.body.path("voice").asString();
		}

		String input() {
			return this.body.path("input").asString();
		}

		String responseFormat() {
			return this.body.path("response_format").asString();
		}

		String streamFormat() {
			return this.body.path("stream_format").asString(null);
		}

	}

	/**
	 * A {@code multipart/form-data} body, parsed just enough for the transcription upload.
	 */
	private record Multipart(Map<String, String> fields, Map<String, String> filenames, Map<String, byte[]> files) {

		static Multipart parse(String contentType, byte[] body) {
			if (contentType == null || !contentType.startsWith("multipart/form-data")) {
				throw new IllegalArgumentException("Not multipart/form-data: " + contentType);
			}
			String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "").trim();
			byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
			Map<String, String> fields = new LinkedHashMap<>();
			Map<String, String> filenames = new LinkedHashMap<>();
			Map<String, byte[]> files = new LinkedHashMap<>();
			int at = indexOf(body, delimiter, 0);
			while (at >= 0) {
				int start = at + delimiter.length;
				if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
					break;
				}
				start += 2; // CRLF after the delimiter
				int next = indexOf(body, delimiter, start);
				int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
				String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
				byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next - 2); // CRLF before the next
				String name = attribute(headers, "name");
				String filename = attribute(headers, "filename");
				if (filename != null) {
					filenames.put(name, filename);
					files.put(name, content);
				}
				else {
					fields.put(name, new String(content, StandardCharsets.UTF_8));
				}
				at = next;
			}
			return new Multipart(fields, filenames, files);
		}

		String filename(String name) {
			return this.filenames.get(name);
		}

		byte[] bytes(String name) {
			return this.files.get(name);
		}

		private static String attribute(String headers, String attribute) {
			String key = " " + attribute + "=\"";
			int at = headers.indexOf(key);
			if (at < 0) {
				key = ";" + attribute + "=\"";
				at = headers.indexOf(key);
			}
			if (at < 0) {
				return null;
			}
			int from = at + key.length();
			return headers.substring(from, headers.indexOf('"', from));
		}

	}


}
