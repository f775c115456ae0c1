package io.telcoflow.test.container;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatedSession;
import io.telcoflow.simulator.SimulatorFaults;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/JSON control API for a {@link TelcoflowSimulator}, so that a test outside the simulator's
 * process (a containerised simulator) can place calls and read what the application did. It
 * listens on loopback unless told otherwise; {@link TelcoflowSimulatorContainer} is its client.
 *
 * <p>
 * Resources, all under {@code /v1}: {@code GET health}; {@code GET sessions};
 * {@code POST sessions/await-ready?count=&timeout=}; {@code GET|POST calls};
 * {@code GET calls/{id}}; {@code GET calls/{id}/agent-audio}; {@code POST calls/{id}/await-state?state=&timeout=};
 * {@code POST calls/{id}/await-ended?timeout=}; {@code POST calls/{id}/hang-up};
 * {@code POST calls/{id}/digits?digit=}; {@code POST calls/{id}/audio} (PCM body);
 * {@code POST faults/{fault}} (the {@link SimulatorFaults} method names in kebab case, see
 * {@link RemoteSimulatorFaults}). Timeouts are ISO-8601 durations. A wait that times out answers
 * {@code 408} with the simulator's message.
 */
public final class SimulatorAdminServer implements AutoCloseable {

	private final TelcoflowSimulator simulator;

	private final HttpServer server;

	private final ExecutorService executor;

	private SimulatorAdminServer(TelcoflowSimulator simulator, HttpServer server) {
		this.simulator = simulator;
		this.server = server;
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "telcoflow-simulator-admin");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/v1/", this::handle);
	}

	/**
	 * Starts a control API for a simulator.
	 * @param simulator the running simulator
	 * @param address the address to listen on, usually {@code 127.0.0.1}
	 * @param port the port, {@code 0} for a free one
	 * @return the started server
	 * @throws IOException when the port cannot be bound
	 */
	public static SimulatorAdminServer start(TelcoflowSimulator simulator, InetAddress address, int port)
			throws IOException {
		SimulatorAdminServer admin = new SimulatorAdminServer(simulator,
				HttpServer.create(new InetSocketAddress(address, port), 64));
		admin.server.start();
		return admin;
	}

	/**
	 * Returns the port the control API listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String[] path = exchange.getRequestURI().getPath().substring("/v1/".length()).split("/");
			Map<String, String> query = query(exchange.getRequestURI());
			boolean post = "POST".equals(exchange.getRequestMethod());
			try {
				route(exchange, path, query, post);
			}
			catch (AssertionError ex) {
				send(exchange, 408, ex.getMessage());
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				send(exchange, 400, ex.getMessage());
			}
			catch (RuntimeException ex) {
				send(exchange, 500, ex.toString());
			}
		}
	}

	private void route(HttpExchange exchange, String[] path, Map<String, String> query, boolean post)
			throws IOException {
		switch (path[0]) {
			case "health" -> send(exchange, 200, "UP");
			case "sessions" -> {
				if (path.length > 1 && "await-ready".equals(path[1]) && post) {
					this.simulator.awaitReadySessions(Integer.parseInt(query.getOrDefault("count", "1")),
							timeout(query));
				}
				sendJson(exchange, sessions());
			}
			case "calls" -> calls(exchange, path, query, post);
			case "faults" -> {
				requirePost(post, path.length > 1);
				fault(path[1], query);
				send(exchange, 204, null);
			}
			default -> send(exchange, 404, "No such resource");
		}
	}

	private void calls(HttpExchange exchange, String[] path, Map<String, String> query, boolean post)
			throws IOException {
		if (path.length == 1) {
			if (post) {
				AdminApi.PlaceCall request = AdminApi.JSON.readValue(exchange.getRequestBody().readAllBytes(),
						AdminApi.PlaceCall.class);
				sendJson(exchange, AdminApi.toCall(this.simulator.placeCall(AdminApi.toScript(request))));
				return;
			}
			List<AdminApi.Call> calls = new ArrayList<>();
			for (SimulatedCall call : this.simulator.calls()) {
				calls.add(AdminApi.toCall(call));
			}
			sendJson(exchange, calls);
			return;
		}
		SimulatedCall call = this.simulator.call(path[1]);
		if (call == null) {
			send(exchange, 404, "No call " + path[1]);
			return;
		}
		String action = (path.length > 2) ? path[2] : "";
		if (action.isEmpty()) {
			sendJson(exchange, AdminApi.toCall(call));
			return;
		}
		if ("agent-audio".equals(action)) {
			sendBytes(exchange, 200, "application/octet-stream", call.record().agentAudio());
			return;
		}
		requirePost(post, true);
		switch (action) {
			case "await-state" -> call.awaitState(required(query, "state"), timeout(query));
			case "await-ended" -> call.awaitEnded(timeout(query));
			case "hang-up" -> call.hangUp();
			case "digits" -> call.pressDigit(required(query, "digit").charAt(0));
			case "audio" -> call.sendCallerAudio(exchange.getRequestBody().readAllBytes());
			default -> throw new IllegalArgumentException("Unknown call action '" + action + "'");
		}
		sendJson(exchange, AdminApi.toCall(call));
	}

	/**
	 * Injects a fault, named as the {@link SimulatorFaults} method in kebab case:
	 * {@code drop-control-connections}, {@code drain-control-connections?reconnect-after=},
	 * {@code refuse-next-connections?count=}, {@code drop-media-connection?call-id=},
	 * {@code delay-command-results?delay=}, {@code reject-next-command?name=&error-code=},
	 * {@code revoke-credentials}, {@code restore-credentials}, {@code stop-answering-pings},
	 * {@code resume-answering-pings}, {@code reset}.
	 */
	private void fault(String name, Map<String, String> query) {
		SimulatorFaults faults = this.simulator.faults();
		switch (name) {
			case "drop-control-connections" -> faults.dropControlConnections();
			case "drain-control-connections" -> faults
				.drainControlConnections(Duration.parse(required(query, "reconnect-after")));
			case "refuse-next-connections" -> faults.refuseNextConnections(Integer.parseInt(required(query, "count")));
			case "drop-media-connection" -> faults.dropMediaConnection(required(query, "call-id"));
			case "delay-command-results" -> faults.delayCommandResults(Duration.parse(required(query, "delay")));
			case "reject-next-command" -> faults.rejectNextCommand(required(query, "name"),
					required(query, "error-code"));
			case "revoke-credentials" -> faults.revokeCredentials();
			case "restore-credentials" -> faults.restoreCredentials();
			case "stop-answering-pings" -> faults.stopAnsweringPings();
			case "resume-answering-pings" -> faults.resumeAnsweringPings();
			case "reset" -> faults.reset();
			default -> throw new IllegalArgumentException("Unknown fault '" + name + "'");
		}
	}

	private List<RemoteSession> sessions() {
		List<RemoteSession> sessions = new ArrayList<>();
		for (SimulatedSession session : this.simulator.sessions()) {
			sessions.add(AdminApi.toSession(session));
		}
		return sessions;
	}

	private static void requirePost(boolean post, boolean valid) {
		if (!post || !valid) {
			throw new IllegalArgumentException("Expected POST to a known resource");
		}
	}

	private static String required(Map<String, String> query, String name) {
		String value = query.get(name);
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("Missing query parameter '" + name + "'");
		}
		return value;
	}

	private static Duration timeout(Map<String, String> query) {
		return Duration.parse(query.getOrDefault("timeout", "PT10S"));
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		String raw = uri.getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					query.put(pair.substring(0, equals),
							URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return query;
	}

	private static void sendJson(HttpExchange exchange, Object body) throws IOException {
		sendBytes(exchange, 200, "application/json", AdminApi.JSON.writeValueAsBytes(body));
	}

	private static void send(HttpExchange exchange, int status, @Nullable String text) throws IOException {
		if (text == null) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		sendBytes(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
	}

	private static void sendBytes(HttpExchange exchange, int status, String contentType, byte[] body)
			throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
