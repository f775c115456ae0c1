package io.telcoflow.test.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.telcoflow.spring.event.TelcoflowEvent;

import org.springframework.context.ApplicationListener;

/**
 * Records every {@link TelcoflowEvent} the application publishes, for assertions in tests.
 * <p>
 * Spring's {@code @RecordApplicationEvents} records only events published on the test's own
 * thread; the starter publishes its events on its {@code telcoflow-events} thread, so they are
 * recorded here instead. {@link AutoConfigureTelcoflowEvents @AutoConfigureTelcoflowEvents} (also
 * part of {@code @TelcoflowTest}) defines this bean, and it is cleared before each test method.
 * Events arrive asynchronously: wait for them with Awaitility.
 * <pre class="code">
 * &#64;Autowired
 * TelcoflowEventRecorder events;
 *
 * await().untilAsserted(() -&gt; assertThat(events.stream(CallEndedEvent.class))
 *     .anySatisfy((ended) -&gt; assertThat(ended.getCallId()).isEqualTo(call.callId())));
 * </pre>
 * Thread-safe.
 */
public class TelcoflowEventRecorder implements ApplicationListener<TelcoflowEvent> {

	private final List<TelcoflowEvent> events = new CopyOnWriteArrayList<>();

	@Override
	public void onApplicationEvent(TelcoflowEvent event) {
		this.events.add(event);
	}

	/**
	 * Returns the events recorded so far, in the order they were published.
	 * @return the events
	 */
	public Stream<TelcoflowEvent> stream() {
		return List.copyOf(this.events).stream();
	}

	/**
	 * Returns the events of a type recorded so far, in order.
	 * @param <T> the type
	 * @param type the event type, such as {@code CallEndedEvent.class}
	 * @return the events
	 */
	public <T extends TelcoflowEvent> Stream<T> stream(Class<T> type) {
		return stream().filter(type::isInstance).map(type::cast);
	}

	/**
	 * Forgets the events recorded so far.
	 */
	public void clear() {
		this.events.clear();
	}

}
