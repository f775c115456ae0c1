package io.telcoflow.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CalleeBehaviour;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's Prometheus scrape (with the scripted receptionist, which transfers on a key), after
 * a call that a caller ends and a transfer nobody answers:
 * every series that an alert expression of docs/observability.md reads is there, with the labels
 * it matches on, so that the documented alerts would work on this output.
 */
@ActiveProfiles("scripted")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "demo.simulator.auto-calls=false", "demo.recordings-dir=target/test-recordings",
				"demo.receptionist.ring-time=1s" })
class PrometheusScrapeTests {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(40);

	private static final Path OBSERVABILITY = Path.of("../docs/observability.md");

	/** A series name, optionally with label matchers, as the documentation writes them. */
	private static final Pattern SELECTOR = Pattern.compile("(telcoflow_\\w+)(\\{([^}]*)\\})?");

	private static final Pattern MATCHER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

	/** Label values that this test does not produce; their label names are still checked. */
	private static final List<String> NOT_PRODUCED_HERE = List.of("BufferFullException");

	@Autowired
	private TelcoflowSimulator simulator;

	@LocalServerPort
	private int port;

	@Test
	void everySeriesTheDocumentedAlertsReadIsInTheScrape() throws Exception {
		this.simulator.awaitReadySessions(1, Duration.ofSeconds(10));
		SimulatedCall hangsUp = this.simulator
			.placeCall(CallScript.builder().callerNumber("+441632960301").hangUpAfter(Duration.ofSeconds(1)).build());
		SimulatedCall nobodyAnswers = this.simulator.placeCall(CallScript.builder()
			.callerNumber("+441632960302")
			.dtmf(Duration.ofSeconds(1), '0')
			.callee(CalleeBehaviour.neverAnswers())
			.hangUpAfter(CALL_TIMEOUT)
			.build());
		hangsUp.awaitEnded(CALL_TIMEOUT);
		org.awaitility.Awaitility.await()
			.atMost(CALL_TIMEOUT)
			.until(() -> nobodyAnswers.record().commands().stream().anyMatch((command) -> !command.ok()));
		String scrape = scrape();
		List<String> selectors = documentedSelectors();
		assertThat(selectors).as("selectors in the alert table of %s", OBSERVABILITY).hasSizeGreaterThanOrEqualTo(8);
		for (String selector : selectors) {
			assertSelectorMatches(scrape, selector);
		}
		assertThat(scrape).containsPattern("(?m)^telcoflow_connection_state\\{[^}]*state=\"READY\"[^}]*\\} 1\\.0$");
		nobodyAnswers.hangUp();
	}

	private static void assertSelectorMatches(String scrape, String selector) {
		Matcher matcher = SELECTOR.matcher(selector);
		assertThat(matcher.matches()).isTrue();
		String name = matcher.group(1);
		List<String> series = scrape.lines()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.toList();
		assertThat(series).as("series %s in the scrape", name).isNotEmpty();
		Map<String, String> labels = new LinkedHashMap<>();
		if (matcher.group(3) != null) {
			Matcher label = MATCHER.matcher(matcher.group(3));
			while (label.find()) {
				labels.put(label.group(1), label.group(2));
			}
		}
		labels.forEach((key, value) -> assertThat(series).as("series %s with a label %s", name, key)
			.anyMatch((line) -> line.contains(key + "=\"")));
		if (labels.values().stream().noneMatch(NOT_PRODUCED_HERE::contains)) {
			assertThat(series).as("series matching %s", selector)
				.anyMatch((line) -> labels.entrySet()
					.stream()
					.allMatch((label) -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")));
		}
	}

	private static List<String> documentedSelectors() throws IOException {
		String page = Files.readString(OBSERVABILITY);
		String table = page.substring(page.indexOf("| question | expression (Prometheus naming) |"));
		table = table.substring(0, table.indexOf("\n\n"));
		List<String> selectors = new ArrayList<>();
		Matcher matcher = SELECTOR.matcher(table);
		while (matcher.find()) {
			selectors.add(matcher.group());
		}
		return selectors;
	}

	private String scrape() throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"))
				.header("Accept", "text/plain")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
