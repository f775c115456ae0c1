package io.telcoflow.voiceagent.internal;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.client.exception.WssException;
import io.telcoflow.voiceagent.CallTool;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolCallResultConverter;
import org.springframework.ai.tool.metadata.ToolMetadata;
import org.springframework.ai.tool.method.MethodToolCallback;
import org.springframework.ai.tool.support.ToolDefinitions;
import org.springframework.ai.tool.support.ToolUtils;

/**
 * The call's own tools, one instance per conversation ({@link CallTool}). Their results are what
 * the model reads, so they are sentences that tell it what to do next.
 */
public final class CallTools {

	static final int DEFAULT_MAX_DIGITS = 20;

	static final Duration DEFAULT_DTMF_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The tools' definitions (their JSON schemas), made once: reflecting on the methods and writing
	 * the schemas for each call cost more than the rest of a conversation's setup.
	 */
	private static final List<ToolMethod> TOOL_METHODS = Arrays.stream(CallTools.class.getDeclaredMethods())
		.filter((method) -> method.isAnnotationPresent(Tool.class))
		.sorted(Comparator.comparing(Method::getName))
		.map((method) -> new ToolMethod(method, ToolDefinitions.from(method), ToolMetadata.from(method),
				ToolUtils.getToolCallResultConverter(method)))
		.toList();

	private final ActiveCall call;

	private final Duration ringTime;

	private final Actions actions;

	private final BlockingQueue<Character> digits = new LinkedBlockingQueue<>();

	CallTools(ActiveCall call, Duration ringTime, Actions actions) {
		this.call = call;
		this.ringTime = ringTime;
		this.actions = actions;
	}

	/**
	 * Returns the callbacks of the chosen tools.
	 * @param chosen the tools to offer
	 * @return their callbacks
	 */
	List<ToolCallback> callbacks(Set<CallTool> chosen) {
		List<ToolCallback> callbacks = new ArrayList<>(chosen.size());
		for (ToolMethod tool : TOOL_METHODS) {
			if (chosen.stream().anyMatch((callTool) -> callTool.toolName().equals(tool.definition().name()))) {
				callbacks.add(tool.on(this));
			}
		}
		return callbacks;
	}

	/** A key the caller pressed. */
	void digit(char digit) {
		this.digits.add(digit);
	}

	/**
	 * Transfers the caller to a person.
	 * @param reason why
	 * @return the outcome, for the model
	 */
	@Tool(name = "transfer_to_person", description = "Transfers the caller to a person (a human colleague). "
			+ "Tell the caller you are transferring them before calling this. Returns CONNECTED when a person "
			+ "answered (then say nothing more), or CALL_UNANSWERED when nobody answered (then tell the caller "
			+ "and go on helping them).")
	public String transferToPerson(
			@ToolParam(description = "Why the caller wants a person, in a few words", required = false) @Nullable String reason) {
		String result;
		try {
			this.call.connect(this.ringTime);
			this.actions.transferred();
			result = "CONNECTED: the caller is now talking with a person. Say nothing more.";
		}
		catch (WssCallCommandException ex) {
			result = ex.errorCode().equals(WssCallCommandException.CALL_UNANSWERED)
					? "CALL_UNANSWERED: nobody answered the transfer. The caller is still with you."
					: ex.errorCode() + ": the transfer failed. The caller is still with you.";
		}
		catch (WssException ex) {
			result = "FAILED: the transfer could not be made (" + ex.getClass().getSimpleName()
					+ "). The caller is still with you.";
		}
		this.actions.used(CallTool.TRANSFER, result);
		return result;
	}

	/**
	 * Ends the call once the current reply has been played.
	 * @return what happens, for the model
	 */
	@Tool(name = "hang_up", description = "Ends the call once your current reply has been played to the caller. "
			+ "Say goodbye in the same reply.")
	public String hangUp() {
		this.actions.hangUp();
		String result = "The call ends after your reply has been played. Say goodbye if you have not.";
		this.actions.used(CallTool.HANG_UP, result);
		return result;
	}

	/**
	 * Returns the keys the caller pressed.
	 * @param maxDigits how many to wait for
	 * @param timeoutSeconds how long to wait for each
	 * @param finishKey the key that ends the entry
	 * @return the keys, for the model
	 * @throws InterruptedException when the reply was cancelled meanwhile
	 */
	@Tool(name = "read_dtmf", description = "Returns the keys the caller pressed on the phone keypad (DTMF), "
			+ "such as an account number or a menu choice. Ask the caller to type them first. Keys pressed "
			+ "since the last read count; waits for more up to maxDigits, the finish key or a timeout.")
	public String readDtmf(
			@ToolParam(description = "How many keys to wait for at most (default 20)", required = false) @Nullable Integer maxDigits,
			@ToolParam(description = "Seconds to wait for each key (default 10)", required = false) @Nullable Integer timeoutSeconds,
			@ToolParam(description = "The key that ends the entry, such as # (default #)", required = false) @Nullable String finishKey)
			throws InterruptedException {
		int max = (maxDigits != null && maxDigits > 0) ? maxDigits : DEFAULT_MAX_DIGITS;
		long timeoutNanos = (timeoutSeconds != null && timeoutSeconds > 0) ? TimeUnit.SECONDS.toNanos(timeoutSeconds)
				: DEFAULT_DTMF_TIMEOUT.toNanos();
		char finish = (finishKey != null && !finishKey.isBlank()) ? finishKey.strip().charAt(0) : '#';
		StringBuilder typed = new StringBuilder();
		while (typed.length() < max) {
			Character digit = this.digits.poll(timeoutNanos, TimeUnit.NANOSECONDS);
			if (digit == null || digit == finish) {
				break;
			}
			typed.append(digit.charValue());
		}
		String result = typed.isEmpty() ? "NO_DIGITS: the caller pressed no key." : "DIGITS: " + typed;
		this.actions.used(CallTool.READ_DTMF, result);
		return result;
	}

	/** A tool method with its definition, bound to a conversation's tools when it starts. */
	private record ToolMethod(Method method, ToolDefinition definition, ToolMetadata metadata,
			ToolCallResultConverter converter) {

		ToolCallback on(CallTools tools) {
			return MethodToolCallback.builder()
				.toolDefinition(this.definition)
				.toolMetadata(this.metadata)
				.toolMethod(this.method)
				.toolObject(tools)
				.toolCallResultConverter(this.converter)
				.build();
		}

	}

	/** What the tools do to the conversation. */
	interface Actions {

		void transferred();

		void hangUp();

		void used(CallTool tool, String result);

	}

}
