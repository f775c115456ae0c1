package io.telcoflow.spring.boot.actuate;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TelcoflowClient;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@link Endpoint @Endpoint} that shows a {@link TelcoflowClient}'s control connection and live
 * calls: {@code /actuator/telcoflow} lists them all, {@code /actuator/telcoflow/{callId}} one.
 * <p>
 * Phone numbers are personal data, so only their last four digits are shown
 * ({@code *********0001}); the API key and other credentials are never shown.
 */
@Endpoint(id = "telcoflow")
public class TelcoflowEndpoint {

	private static final int VISIBLE_DIGITS = 4;

	private final TelcoflowClient client;

	private final Clock clock;

	/**
	 * Creates an endpoint.
	 * @param client the client to show
	 * @param clock the clock that calls' durations are measured with
	 */
	public TelcoflowEndpoint(TelcoflowClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
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
		return new TelcoflowDescriptor(this.client.getConnectionState().name(), this.client.getMaxCalls(), calls);
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
		return new CallDescriptor(call.getCallId(), call.getState().name(), mask(call.getCallerNumber()),
				mask(call.getCalleeNumber()), call.getOfferedAt().toString(),
				(duration.isNegative() ? Duration.ZERO : duration).toString(), call.getSendAudioBufferSize());
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
	 * @param calls the live calls, oldest first
	 */
	public record TelcoflowDescriptor(String connectionState, int maxCalls,
			List<CallDescriptor> calls) implements OperationResponseBody {
	}

	/**
	 * One live call.
	 *
	 * @param id the call's id
	 * @param state its state, such as {@code ANSWERED}
	 * @param caller the caller's number, masked but for its last four digits; {@code null} when
	 * withheld
	 * @param callee the dialled number, masked the same way; {@code null} when unknown
	 * @param offeredAt when the server offered the call (ISO-8601)
	 * @param duration time since the offer (ISO-8601, such as {@code PT1M5.2S})
	 * @param bufferedAudioBytes outgoing audio buffered and not yet played
	 */
	public record CallDescriptor(String id, String state, @Nullable String caller, @Nullable String callee,
			String offeredAt, String duration, int bufferedAudioBytes) implements OperationResponseBody {
	}

}
