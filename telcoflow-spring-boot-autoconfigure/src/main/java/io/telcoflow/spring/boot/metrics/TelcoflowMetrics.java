package io.telcoflow.spring.boot.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.WssException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * A {@link TelcoflowClientListener} that records Micrometer meters for a {@link TelcoflowClient}.
 * Every meter is registered when this object is created, so the per-frame callbacks only increment
 * a counter. Tag values that name enum constants use the constant's name ({@code CALLER_HANGUP},
 * {@code READY}).
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 * <tr><td>{@value #CALLS_ACTIVE}</td><td>gauge</td><td></td><td>live calls</td></tr>
 * <tr><td>{@value #CALLS}</td><td>counter</td><td>{@code outcome}: the
 * {@link TerminationReason}</td><td>ended calls</td></tr>
 * <tr><td>{@value #COMMANDS}</td><td>timer</td><td>{@code command} ({@code answer}, {@code connect},
 * ...), {@code outcome}: {@code SUCCESS}, {@code TIMEOUT} or the server's error code
 * ({@code CALL_UNANSWERED}, ..., unknown codes as {@code OTHER})</td><td>call command latency</td></tr>
 * <tr><td>{@value #AUDIO_BYTES}</td><td>counter, bytes</td><td>{@code direction}: {@code in} (from the
 * caller) or {@code out} (pulled by the server from the outgoing buffers)</td><td>audio</td></tr>
 * <tr><td>{@value #AUDIO_INBOUND_DROPPED}</td><td>counter, frames</td><td></td><td>inbound frames dropped
 * because a call's audio reader was too slow</td></tr>
 * <tr><td>{@value #AUDIO_BUFFERED}</td><td>gauge, bytes</td><td></td><td>outgoing audio buffered
 * and not yet pulled, summed over live calls</td></tr>
 * <tr><td>{@value #CONNECTION_STATE}</td><td>gauge</td><td>{@code state}: each
 * {@link ConnectionState}</td><td>1 for the control connection's current state, 0 for the
 * others</td></tr>
 * <tr><td>{@value #RECONNECTS}</td><td>counter</td><td></td><td>reconnect attempts scheduled</td></tr>
 * <tr><td>{@value #HANDLER_DISPATCH}</td><td>timer</td><td></td><td>from the server's offer being
 * received to the incoming-call handler's entry</td></tr>
 * <tr><td>{@value #PROTOCOL_ERRORS}</td><td>counter</td><td>{@code connection}: {@code control} or
 * {@code media}</td><td>frames from the server dropped as protocol errors</td></tr>
 * <tr><td>{@value #EVENTS_DROPPED}</td><td>counter</td><td></td><td>listener events the client did not
 * deliver ({@link TelcoflowClient#getDroppedEvents()}: a stuck listener's full queue, repeated error
 * reports held back)</td></tr>
 * <tr><td>{@value #ERRORS}</td><td>counter</td><td>{@code exception}: simple class name;
 * {@code error.code}: the server's error code for {@code WssCallCommandException}, {@code none}
 * otherwise; {@code source}: {@code sdk} (reported by the SDK) or {@code handler} (thrown by an
 * incoming-call handler)</td><td>exceptions</td></tr>
 * </table>
 * A handler that lets an SDK exception escape is counted twice: once with {@code source=sdk} when
 * the SDK raised it, once with {@code source=handler}. Every meter here is recorded only by this
 * class; how long calls last is measured once, by the per-call {@code Observation}
 * ({@link TelcoflowCallObservationListener}: the timer {@code telcoflow.call}).
 */
public class TelcoflowMetrics implements TelcoflowClientListener {

	/** Name of the live calls gauge. */
	public static final String CALLS_ACTIVE = "telcoflow.calls.active";

	/** Name of the ended calls counter. */
	public static final String CALLS = "telcoflow.calls";

	/** Name of the call command latency timer. */
	public static final String COMMANDS = "telcoflow.commands";

	/** Name of the audio bytes counter. */
	public static final String AUDIO_BYTES = "telcoflow.audio.bytes";

	/** Name of the dropped inbound frames counter. */
	public static final String AUDIO_INBOUND_DROPPED = "telcoflow.audio.inbound.dropped";

	/** Name of the buffered outgoing audio gauge. */
	public static final String AUDIO_BUFFERED = "telcoflow.audio.buffered";

	/** Name of the connection state gauge. */
	public static final String CONNECTION_STATE = "telcoflow.connection.state";

	/** Name of the reconnect attempts counter. */
	public static final String RECONNECTS = "telcoflow.reconnects";

	/** Name of the handler dispatch latency timer. */
	public static final String HANDLER_DISPATCH = "telcoflow.handler.dispatch";

	/** Name of the protocol errors counter. */
	public static final String PROTOCOL_ERRORS = "telcoflow.protocol.errors";

	/** Name of the dropped listener events counter. */
	public static final String EVENTS_DROPPED = "telcoflow.events.dropped";

	/** Name of the errors counter. */
	public static final String ERRORS = "telcoflow.errors";

	private static final String SUCCESS = "SUCCESS";

	private final MeterRegistry registry;

	private final SingletonSupplier<TelcoflowClient> client;

	private final Map<TerminationReason, Counter> calls = new EnumMap<>(TerminationReason.class);

	private final Map<String, Timer> commands = new ConcurrentHashMap<>();

	private final Counter audioIn;

	private final Counter audioOut;

	private final Counter inboundDropped;

	private final Counter reconnects;

	private final Timer handlerDispatch;

	private final Counter controlProtocolErrors;

	private final Counter mediaProtocolErrors;

	private final ErrorCounters errors;

	/**
	 * Creates the meters and registers them.
	 * @param registry where to register them
	 * @param client supplies the client whose live calls and connection state the gauges read;
	 * asked lazily, because this listener is created before the client it listens to
	 */
	public TelcoflowMetrics(MeterRegistry registry, Supplier<@Nullable TelcoflowClient> client) {
		this.registry = registry;
		this.client = SingletonSupplier.of(client);
		for (TerminationReason reason : TerminationReason.values()) {
			this.calls.put(reason, Counter.builder(CALLS)
				.description("Calls ended, by outcome")
				.tag("outcome", reason.name())
				.register(registry));
		}
		this.audioIn = audioBytes("in");
		this.audioOut = audioBytes("out");
		this.inboundDropped = Counter.builder(AUDIO_INBOUND_DROPPED)
			.description("Inbound audio frames dropped because a call's audio reader was too slow")
			.baseUnit("frames")
			.register(registry);
		this.reconnects = Counter.builder(RECONNECTS)
			.description("Reconnect attempts of the control connection")
			.register(registry);
		this.handlerDispatch = Timer.builder(HANDLER_DISPATCH)
			.description("Time from an incoming call's offer to its handler's entry")
			.register(registry);
		this.controlProtocolErrors = protocolErrors("control");
		this.mediaProtocolErrors = protocolErrors("media");
		this.errors = new ErrorCounters(registry);
		registerGauges();
	}

	private Counter audioBytes(String direction) {
		return Counter.builder(AUDIO_BYTES)
			.description("Audio bytes received from callers (in) and pulled by the server (out)")
			.baseUnit(BaseUnits.BYTES)
			.tag("direction", direction)
			.register(this.registry);
	}

	private Counter protocolErrors(String connection) {
		return Counter.builder(PROTOCOL_ERRORS)
			.description("Frames from the server dropped as protocol errors")
			.tag("connection", connection)
			.register(this.registry);
	}

	private void registerGauges() {
		Gauge.builder(CALLS_ACTIVE, this, TelcoflowMetrics::activeCalls)
			.description("Live calls")
			.register(this.registry);
		Gauge.builder(AUDIO_BUFFERED, this, TelcoflowMetrics::bufferedAudio)
			.description("Outgoing audio buffered and not yet pulled by the server, over all live calls")
			.baseUnit(BaseUnits.BYTES)
			.register(this.registry);
		FunctionCounter.builder(EVENTS_DROPPED, this, TelcoflowMetrics::droppedEvents)
			.description("Listener events the client did not deliver: queues of stuck listeners full, repeated "
					+ "error reports held back")
			.register(this.registry);
		for (ConnectionState state : ConnectionState.values()) {
			Gauge.builder(CONNECTION_STATE, this, (metrics) -> metrics.isInState(state))
				.description("1 for the control connection's current state, 0 for the others")
				.tag("state", state.name())
				.register(this.registry);
		}
	}

	private double activeCalls() {
		TelcoflowClient client = this.client.get();
		return (client != null) ? client.getActiveCalls().size() : 0;
	}

	private double droppedEvents() {
		TelcoflowClient client = this.client.get();
		return (client != null) ? client.getDroppedEvents() : 0;
	}

	private double bufferedAudio() {
		TelcoflowClient client = this.client.get();
		if (client == null) {
			return 0;
		}
		long total = 0;
		for (ActiveCall call : client.getActiveCalls()) {
			total += call.getSendAudioBufferSize();
		}
		return total;
	}

	private double isInState(ConnectionState state) {
		TelcoflowClient client = this.client.get();
		return (client != null && client.getConnectionState() == state) ? 1 : 0;
	}

	@Override
	public void onReconnectScheduled(int attempt, Duration delay) {
		this.reconnects.increment();
	}

	@Override
	public void onHandlerStarted(ActiveCall call, Duration dispatchDelay) {
		this.handlerDispatch.record(dispatchDelay);
	}

	@Override
	public void onCallEnded(ActiveCall call, TerminationReason reason, Duration duration) {
		this.calls.get(reason).increment();
	}

	@Override
	public void onCommandCompleted(ActiveCall call, String command, Duration latency, @Nullable String errorCode) {
		String outcome = (errorCode != null) ? ErrorCounters.boundedErrorCode(errorCode) : SUCCESS;
		this.commands.computeIfAbsent(command + ' ' + outcome, (key) -> commandTimer(command, outcome))
			.record(latency);
	}

	private Timer commandTimer(String command, String outcome) {
		return Timer.builder(COMMANDS)
			.description("Latency of call commands, from sending to the result")
			.tag("command", command)
			.tag("outcome", outcome)
			.register(this.registry);
	}

	@Override
	public void onAudioReceived(ActiveCall call, int bytes) {
		this.audioIn.increment(bytes);
	}

	@Override
	public void onAudioSent(ActiveCall call, int bytes) {
		this.audioOut.increment(bytes);
	}

	@Override
	public void onInboundAudioDropped(ActiveCall call, int bytes) {
		this.inboundDropped.increment();
	}

	@Override
	public void onError(WssException error, @Nullable ActiveCall call) {
		this.errors.sdkError(error);
	}

	@Override
	public void onHandlerFailed(ActiveCall call, Throwable failure) {
		this.errors.handlerFailure(failure);
	}

	@Override
	public void onProtocolError(@Nullable ActiveCall call, String description) {
		((call != null) ? this.mediaProtocolErrors : this.controlProtocolErrors).increment();
	}

}
