package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import org.springframework.context.ApplicationEvent;

/**
 * Base of every event published for a {@link TelcoflowClient}. Its source is the client that
 * reported it.
 */
public abstract class TelcoflowEvent extends ApplicationEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 */
	protected TelcoflowEvent(TelcoflowClient client) {
		super(client);
	}

	/**
	 * Returns the client that reported the event.
	 * @return the client
	 */
	public TelcoflowClient getClient() {
		return (TelcoflowClient) getSource();
	}

}
