package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;

/**
 * The control connection was opened again after it had been lost.
 */
public class TelcoflowReconnectedEvent extends TelcoflowConnectionEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param state the control connection's state
	 */
	public TelcoflowReconnectedEvent(TelcoflowClient client, ConnectionState state) {
		super(client, state);
	}

}
