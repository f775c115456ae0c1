package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.client.exception.WssCallCommandTimeoutException;
import io.telcoflow.client.exception.WssException;
import io.telcoflow.client.exception.WssMediaException;
import io.telcoflow.client.internal.protocol.ClientMessage;
import io.telcoflow.client.internal.protocol.ServerMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a call's commands and turns their results, rejections and timeouts into completed
 * futures (on the event pool, never the reader thread), listener events and reported exceptions.
 */
final class CallCommands {

	private static final Logger logger = LoggerFactory.getLogger(CallCommands.class);

	private final DefaultActiveCall call;

	private final DefaultTelcoflowClient client;

	private final CommandTracker tracker;

	CallCommands(DefaultActiveCall call, DefaultTelcoflowClient client) {
		this.call = call;
		this.client = client;
		this.tracker = new CommandTracker(client.threads().scheduler());
	}

	/**
	 * Sends a command.
	 * @param name the command name
	 * @param ringTimeSeconds the ring time of {@code connect}, else {@code null}
	 * @return a future completed with the result
	 */
	CompletableFuture<Void> send(String name, @Nullable Integer ringTimeSeconds) {
		if (this.call.isClosed()) {
			return CompletableFuture.failedFuture(this.call.closedError("'" + name + "' is not possible"));
		}
		Duration timeout = this.client.config().getCommandTimeout();
		if (ringTimeSeconds != null) {
			timeout = timeout.plusSeconds(ringTimeSeconds);
		}
		CommandTracker.Pending command = this.tracker.register(name, timeout, this::timedOut);
		String text = this.client.codec().encode(new ClientMessage.Command(command.id, name, ringTimeSeconds));
		logger.debug("media {} -> command {} {}", this.call.getCallId(), command.id, name);
		if (!this.call.media().send(text)) {
			// the media connection is being resumed: the command goes out on the resumed connection,
			// within its own timeout, or fails when the resume does
			this.call.media().resumed().whenComplete((resumed, failure) -> {
				if (failure == null && this.call.media().send(text)) {
					return;
				}
				this.tracker.abandon(command);
				WssException error = this.call.isClosed() ? this.call.closedError("'" + name + "' is not possible")
						: this.client.listeners()
							.error(new WssMediaException("Command '" + name + "' not sent: the media connection of call "
									+ this.call.getCallId() + " could not be resumed"), this.call);
				this.client.threads().events().execute(() -> command.future.completeExceptionally(error));
			});
		}
		return command.future;
	}

	private void timedOut(CommandTracker.Pending command) {
		WssCallCommandTimeoutException failure = this.client.listeners()
			.error(new WssCallCommandTimeoutException("No result for command '" + command.name + "' of call "
					+ this.call.getCallId() + " within " + command.latency().toMillis() + " ms"), this.call);
		this.client.listeners()
			.each((listener) -> listener.onCommandCompleted(this.call, command.name, command.latency(), "TIMEOUT"));
		this.call.callEvent((listener) -> listener.onError(this.call, failure));
		this.client.threads().events().execute(() -> command.future.completeExceptionally(failure));
	}

	/**
	 * A result arrived (reader thread).
	 * @param result the result
	 */
	void onResult(ServerMessage.CommandResult result) {
		CommandTracker.Pending command = this.tracker.complete(result.id());
		if (command == null) {
			if (this.tracker.isLate(result.id())) {
				logger.info("Dropped the late result of command {} of call {}", result.id(), this.call.getCallId());
			}
			else {
				this.client.listeners().protocolError(this.call, "result for unknown command id '" + result.id() + "'");
			}
			return;
		}
		Duration latency = command.latency();
		Executor completions = this.client.threads().events();
		if (result.ok()) {
			if (result.state() != null) {
				this.call.applyState(result.state());
			}
			this.client.listeners().each((listener) -> listener.onCommandCompleted(this.call, command.name, latency, null));
			completions.execute(() -> command.future.complete(null));
			return;
		}
		String code = (result.errorCode() != null) ? result.errorCode() : WssCallCommandException.INTERNAL_ERROR;
		WssCallCommandException failure = this.client.listeners()
			.error(new WssCallCommandException(command.name, code,
					(result.errorMessage() != null) ? result.errorMessage() : ""), this.call);
		this.client.listeners().each((listener) -> listener.onCommandCompleted(this.call, command.name, latency, code));
		if (command.name.equals("answer")) {
			this.call.callEvent((listener) -> listener.onAnswerFailed(this.call, failure));
		}
		else if (command.name.equals("connect")) {
			this.call.callEvent((listener) -> listener.onConnectFailed(this.call, failure));
		}
		else {
			this.call.callEvent((listener) -> listener.onError(this.call, failure));
		}
		completions.execute(() -> command.future.completeExceptionally(failure));
	}

	/**
	 * Fails every pending command: the call ended.
	 * @param reason why it ended
	 */
	void failPending(TerminationReason reason) {
		for (CommandTracker.Pending command : this.tracker.drain()) {
			WssCallClosedException closed = this.call
				.closedError("'" + command.name + "' got no result (" + reason + ")");
			this.client.threads().events().execute(() -> command.future.completeExceptionally(closed));
		}
	}

}
