package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;

/**
 * The open control connection was lost; the client reconnects with backoff, and calls in progress
 * keep their media connections.
 */
public class TelcoflowConnectionLostEvent extends TelcoflowConnectionEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param state the control connection's state
	 */
	public TelcoflowConnectionLostEvent(TelcoflowClient client, ConnectionState state) {
		super(client, state);
	}

}
