package io.telcoflow.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.TelcoflowConfig;
import org.jspecify.annotations.Nullable;

/**
 * Builds the default client. Not API: applications call {@code TelcoflowClient.builder(config)},
 * which returns it as a {@link TelcoflowClient.Builder}; it is public only so that the API
 * package can reach it.
 */
public final class DefaultTelcoflowClientBuilder implements TelcoflowClient.Builder {

	private final TelcoflowConfig config;

	private @Nullable Executor callExecutor;

	private final List<TelcoflowClientListener> listeners = new ArrayList<>();

	/**
	 * Creates a builder.
	 * @param config the configuration
	 */
	public DefaultTelcoflowClientBuilder(TelcoflowConfig config) {
		this.config = config;
	}

	@Override
	public TelcoflowClient.Builder callExecutor(Executor executor) {
		this.callExecutor = executor;
		return this;
	}

	@Override
	public TelcoflowClient.Builder listener(TelcoflowClientListener listener) {
		this.listeners.add(listener);
		return this;
	}

	@Override
	public TelcoflowClient build() {
		return new DefaultTelcoflowClient(this.config, this.callExecutor, List.copyOf(this.listeners));
	}

}
