package io.telcoflow.spring.boot.actuate;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.spring.listener.IncomingCallDispatcher;
import io.telcoflow.spring.listener.IncomingCallEndpointRegistry;
import io.telcoflow.spring.listener.TelcoflowLifecycle;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@link Endpoint @Endpoint} that shows a {@link TelcoflowClient}'s control connection, handlers and
 * live calls (with the handler that took each): {@code /actuator/telcoflow} lists them all,
 * {@code /actuator/telcoflow/{callId}} one.
 * <p>
 * Its write operation starts and stops taking calls at run time: {@code POST /actuator/telcoflow}
 * with {@code {"takingCalls": false}} stops the whole application taking calls (readiness follows),
 * with {@code {"takingCalls": false, "handler": "frontDesk.onCall"}} one handler (its calls go to
 * the next handler that matches them).
 * <p>
 * Phone numbers are personal data, so only their last four digits are shown
 * ({@code *********0001}); the API key and other credentials are never shown. A call a voice
 * agent talks on shows its transcript so far (turn it off with
 * {@code telcoflow.voice-agent.transcripts-in-endpoint=false}).
 */
@Endpoint(id = "telcoflow")
public class TelcoflowEndpoint {

	private static final int VISIBLE_DIGITS = 4;

	private final TelcoflowClient client;

	private final Clock clock;

	private final @Nullable TelcoflowLifecycle lifecycle;

	private final @Nullable IncomingCallDispatcher dispatcher;

	private final @Nullable CallTranscripts transcripts;

	/**
	 * Creates an endpoint that only shows the client.
	 * @param client the client to show
	 * @param clock the clock that calls' durations are measured with
	 */
	public TelcoflowEndpoint(TelcoflowClient client, Clock clock) {
		this(client, clock, null, null);
	}

	/**
	 * Creates an endpoint.
	 * @param client the client to show
	 * @param clock the clock that calls' durations are measured with
	 * @param lifecycle starts and stops taking calls, or {@code null}
	 * @param dispatcher the handlers and which one took each call, or {@code null}
	 */
	public TelcoflowEndpoint(TelcoflowClient client, Clock clock, @Nullable TelcoflowLifecycle lifecycle,
			@Nullable IncomingCallDispatcher dispatcher) {
		this(client, clock, lifecycle, dispatcher, null);
	}

	/**
	 * Creates an endpoint that also shows the transcripts of live calls.
	 * @param client the client to show
	 * @param clock the clock that calls' durations are measured with
	 * @param lifecycle starts and stops taking calls, or {@code null}
	 * @param dispatcher the handlers and which one took each call, or {@code null}
	 * @param transcripts the live calls' transcripts (a voice agent's conversations), or {@code null}
	 */
	public TelcoflowEndpoint(TelcoflowClient client, Clock clock, @Nullable TelcoflowLifecycle lifecycle,
			@Nullable IncomingCallDispatcher dispatcher, @Nullable CallTranscripts transcripts) {
		this.client = client;
		this.clock = clock;
		this.lifecycle = lifecycle;
		this.dispatcher = dispatcher;
		this.transcripts = transcripts;
	}

	/**
	 * Describes the control connection and every live call.
	 * @return the description
	 */
	@ReadOperation
	public TelcoflowDescriptor telcoflow() {
		List<CallDescriptor> calls = this.client.getActiveCalls()
			.stream()
			.sorted(Comparator.comparing(ActiveCall::getOfferedAt))
			.map(this::describe)
			.toList();
		return new TelcoflowDescriptor(this.client.getConnectionState().name(), this.client.getMaxCalls(),
				(this.lifecycle != null) ? this.lifecycle.isTakingCalls() : null, handlers(), calls);
	}

	/**
	 * Starts or stops taking calls: the whole application's, or one handler's.
	 * @param takingCalls whether to take calls
	 * @param handler the id of one handler ({@code beanName.methodName}), or {@code null} for all
	 * @return the description after the change
	 */
	@WriteOperation
	public TelcoflowDescriptor takeCalls(boolean takingCalls, @Nullable String handler) {
		if (handler != null) {
			IncomingCallEndpointRegistry registry = registry();
			try {
				if (takingCalls) {
					registry.start(handler);
				}
				else {
					registry.stop(handler);
				}
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidEndpointRequestException(ex.getMessage(), "Unknown handler");
			}
		}
		else {
			TelcoflowLifecycle lifecycle = this.lifecycle;
			if (lifecycle == null) {
				throw new InvalidEndpointRequestException("No TelcoflowLifecycle bean starts and stops taking calls",
						"No lifecycle");
			}
			try {
				if (takingCalls) {
					lifecycle.startTakingCalls();
				}
				else {
					lifecycle.stopTakingCalls();
				}
			}
			catch (IllegalStateException ex) {
				throw new InvalidEndpointRequestException(ex.getMessage(), "Cannot change");
			}
		}
		return telcoflow();
	}

	private IncomingCallEndpointRegistry registry() {
		if (this.dispatcher == null) {
			throw new InvalidEndpointRequestException("No IncomingCallDispatcher routes calls to handlers",
					"No dispatcher");
		}
		return this.dispatcher.getRegistry();
	}

	private List<HandlerDescriptor> handlers() {
		if (this.dispatcher == null) {
			return List.of();
		}
		IncomingCallEndpointRegistry registry = this.dispatcher.getRegistry();
		return registry.getEndpoints()
			.stream()
			.map((endpoint) -> new HandlerDescriptor(endpoint.getId(), endpoint.getOrder(),
					endpoint.getConditionString(), registry.isRunning(endpoint)))
			.toList();
	}

	/**
	 * Describes one live call.
	 * @param callId the call's id
	 * @return the description, or {@code null} (404) when no such call is live
	 */
	@ReadOperation
	public @Nullable CallDescriptor call(@Selector String callId) {
		return this.client.getCall(callId).map(this::describe).orElse(null);
	}

	private CallDescriptor describe(ActiveCall call) {
		Duration duration = Duration.between(call.getOfferedAt(), this.clock.instant());
		String handler = (this.dispatcher != null) ? this.dispatcher.getHandler(call.getCallId()).orElse(null) : null;
		return new CallDescriptor(call.getCallId(), call.getState().name(), handler, mask(call.getCallerNumber()),
				mask(call.getCalleeNumber()), call.getOfferedAt().toString(),
				(duration.isNegative() ? Duration.ZERO : duration).toString(), call.getSendAudioBufferSize(),
				(this.transcripts != null) ? this.transcripts.transcript(call.getCallId()) : null);
	}

	static @Nullable String mask(@Nullable String number) {
		if (number == null) {
			return null;
		}
		int hidden = Math.max(0, number.length() - VISIBLE_DIGITS);
		return "*".repeat(hidden) + number.substring(hidden);
	}

	/**
	 * The control connection and the live calls.
	 *
	 * @param connectionState the control connection's state, such as {@code READY}
	 * @param maxCalls how many calls the client serves at once, 0 for no limit
	 * @param takingCalls whether the application takes new calls ({@code null} when unknown)
	 * @param handlers the {@code @OnIncomingCall} handlers in routing order
	 * @param calls the live calls, oldest first
	 */
	public record TelcoflowDescriptor(String connectionState, int maxCalls, @Nullable Boolean takingCalls,
			List<HandlerDescriptor> handlers, List<CallDescriptor> calls) implements OperationResponseBody {
	}

	/**
	 * One {@code @OnIncomingCall} handler.
	 *
	 * @param id its id, {@code beanName.methodName}
	 * @param order its order
	 * @param condition its condition, {@code null} when it takes every call
	 * @param takingCalls whether it takes calls (it was not stopped)
	 */
	public record HandlerDescriptor(String id, int order, @Nullable String condition, boolean takingCalls) {
	}

	/**
	 * One live call.
	 *
	 * @param id the call's id
	 * @param state its state, such as {@code ANSWERED}
	 * @param handler the id of the handler that took it ({@code beanName.methodName}), {@code null}
	 * when none did
	 * @param caller the caller's number, masked but for its last four digits; {@code null} when
	 * withheld
	 * @param callee the dialled number, masked the same way; {@code null} when unknown
	 * @param offeredAt when the server offered the call (ISO-8601)
	 * @param duration time since the offer (ISO-8601, such as {@code PT1M5.2S})
	 * @param bufferedAudioBytes outgoing audio buffered and not yet played
	 * @param transcript the conversation so far when a voice agent talks on the call, else {@code null}
	 */
	public record CallDescriptor(String id, String state, @Nullable String handler, @Nullable String caller, @Nullable String callee,
			String offeredAt, String duration, int bufferedAudioBytes,
			@Nullable List<CallTranscripts.TranscriptLine> transcript) implements OperationResponseBody {
	}

}
