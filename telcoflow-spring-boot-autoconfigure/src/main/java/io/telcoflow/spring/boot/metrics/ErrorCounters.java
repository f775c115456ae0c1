package io.telcoflow.spring.boot.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.client.exception.WssAuthenticationException;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.client.exception.WssCallCommandTimeoutException;
import io.telcoflow.client.exception.WssCallException;
import io.telcoflow.client.exception.WssConnectionException;
import io.telcoflow.client.exception.WssException;
import io.telcoflow.client.exception.WssMediaException;

/**
 * The {@code telcoflow.errors} counters, created up front for the SDK's exception types so that
 * counting an error (which can happen once per audio frame, as with {@link BufferFullException})
 * builds no tags.
 */
final class ErrorCounters {

	static final String NO_ERROR_CODE = "none";

	static final String OTHER_ERROR_CODE = "OTHER";

	static final String TIMEOUT_ERROR_CODE = "TIMEOUT";

	// Server error codes are a documented, small set; anything else is folded into OTHER so that a
	// misbehaving server cannot create unbounded time series.
	static final Set<String> KNOWN_ERROR_CODES = Set.of(WssCallCommandException.CALL_UNANSWERED,
			WssCallCommandException.CONNECT_FAILED, WssCallCommandException.INVALID_STATE,
			WssCallCommandException.INVALID_COMMAND, WssCallCommandException.CALL_NOT_FOUND,
			WssCallCommandException.INTERNAL_ERROR, TIMEOUT_ERROR_CODE);

	private static final Set<Class<? extends WssException>> SDK_EXCEPTIONS = Set.of(WssException.class,
			WssConnectionException.class, WssAuthenticationException.class, WssMediaException.class,
			BufferFullException.class, BufferClosedException.class, WssCallException.class,
			WssCallClosedException.class, WssCallCommandTimeoutException.class);

	private final MeterRegistry registry;

	private final Map<Class<?>, Counter> sdkErrors = new ConcurrentHashMap<>();

	private final Map<String, Counter> commandErrors = new ConcurrentHashMap<>();

	private final Map<Class<?>, Counter> handlerFailures = new ConcurrentHashMap<>();

	private final Map<String, Counter> handlerCommandErrors = new ConcurrentHashMap<>();

	ErrorCounters(MeterRegistry registry) {
		this.registry = registry;
		for (Class<? extends WssException> type : SDK_EXCEPTIONS) {
			this.sdkErrors.put(type, counter(type, NO_ERROR_CODE, "sdk"));
		}
		for (String code : KNOWN_ERROR_CODES) {
			this.commandErrors.put(code, counter(WssCallCommandException.class, code, "sdk"));
		}
	}

	void sdkError(WssException error) {
		count(error, "sdk", this.sdkErrors, this.commandErrors);
	}

	void handlerFailure(Throwable failure) {
		// a rejected command that escaped the handler keeps the server's code
		count(failure, "handler", this.handlerFailures, this.handlerCommandErrors);
	}

	private void count(Throwable error, String source, Map<Class<?>, Counter> byType,
			Map<String, Counter> byErrorCode) {
		if (error instanceof WssCallCommandException command) {
			byErrorCode
				.computeIfAbsent(boundedErrorCode(command.errorCode()),
						(code) -> counter(WssCallCommandException.class, code, source))
				.increment();
			return;
		}
		byType.computeIfAbsent(error.getClass(), (type) -> counter(type, NO_ERROR_CODE, source)).increment();
	}

	private Counter counter(Class<?> type, String errorCode, String source) {
		return Counter.builder(TelcoflowMetrics.ERRORS)
			.description("Exceptions reported by the Telcoflow SDK and thrown by incoming-call handlers")
			.tag("exception", exceptionTag(type))
			.tag("error.code", errorCode)
			.tag("source", source)
			.tag("expected", Boolean.toString(isExpected(type)))
			.register(this.registry);
	}

	// The calls' ends racing the application (TelcoflowErrorEvent.isExpected), decided by type
	// so that the tag is known when the counter is created
	private static boolean isExpected(Class<?> type) {
		return BufferClosedException.class.isAssignableFrom(type)
				|| WssCallClosedException.class.isAssignableFrom(type);
	}

	static String boundedErrorCode(String errorCode) {
		return KNOWN_ERROR_CODES.contains(errorCode) ? errorCode : OTHER_ERROR_CODE;
	}

	static String exceptionTag(Class<?> type) {
		String name = type.getSimpleName();
		return name.isEmpty() ? type.getName() : name;
	}

}
