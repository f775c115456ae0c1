package io.telcoflow.voiceagent.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.metadata.ToolMetadata;

/**
 * A tool that tells its conversation when it runs, so that time spent in tools (a transfer rings for
 * half a minute) does not count as the chat model being silent.
 */
final class TrackedToolCallback implements ToolCallback {

	private final ToolCallback delegate;

	private final Runnable started;

	private final Runnable finished;

	TrackedToolCallback(ToolCallback delegate, Runnable started, Runnable finished) {
		this.delegate = delegate;
		this.started = started;
		this.finished = finished;
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.delegate.getToolDefinition();
	}

	@Override
	public ToolMetadata getToolMetadata() {
		return this.delegate.getToolMetadata();
	}

	@Override
	public String call(String toolInput) {
		this.started.run();
		try {
			return this.delegate.call(toolInput);
		}
		finally {
			this.finished.run();
		}
	}

	@Override
	public String call(String toolInput, @Nullable ToolContext toolContext) {
		this.started.run();
		try {
			return this.delegate.call(toolInput, toolContext);
		}
		finally {
			this.finished.run();
		}
	}

	@Override
	public String toString() {
		return "Tracked[" + this.delegate.getToolDefinition().name() + "]";
	}

}
