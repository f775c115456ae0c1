package io.telcoflow.test.container;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.core.type.TypeReference;

/**
 * The HTTP client of a {@link SimulatorAdminServer}. A wait that times out on the server throws
 * {@link AssertionError}, as the embedded simulator's waits do.
 */
final class SimulatorAdminClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	SimulatorAdminClient(String host, int port) {
		this.baseUrl = "http://" + host + ":" + port + "/v1/";
	}

	<T> T get(String path, Class<T> type) {
		return AdminApi.JSON.readValue(send(request(path, Map.of()).GET(), Duration.ofSeconds(30)), type);
	}

	<T> T get(String path, TypeReference<T> type) {
		return AdminApi.JSON.readValue(send(request(path, Map.of()).GET(), Duration.ofSeconds(30)), type);
	}

	byte[] getBytes(String path) {
		return send(request(path, Map.of()).GET(), Duration.ofSeconds(30));
	}

	byte[] post(String path, Map<String, String> query, byte[] body, Duration wait) {
		return send(request(path, query).POST(HttpRequest.BodyPublishers.ofByteArray(body)), wait);
	}

	<T> T postJson(String path, Map<String, String> query, Object body, Duration wait, Class<T> type) {
		return AdminApi.JSON.readValue(post(path, query, AdminApi.JSON.writeValueAsBytes(body), wait), type);
	}

	private HttpRequest.Builder request(String path, Map<String, String> query) {
		StringBuilder uri = new StringBuilder(this.baseUrl).append(path);
		char separator = '?';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			uri.append(separator)
				.append(parameter.getKey())
				.append('=')
				.append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return HttpRequest.newBuilder(URI.create(uri.toString()));
	}

	private byte[] send(HttpRequest.Builder request, Duration wait) {
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request.timeout(wait.plusSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Simulator control API at " + this.baseUrl + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling the simulator control API", ex);
		}
		String text = new String(response.body(), StandardCharsets.UTF_8);
		if (response.statusCode() == 408) {
			throw new AssertionError(text);
		}
		if (response.statusCode() >= 300) {
			throw new IllegalStateException("Simulator control API answered " + response.statusCode() + ": " + text);
		}
		return response.body();
	}

}
