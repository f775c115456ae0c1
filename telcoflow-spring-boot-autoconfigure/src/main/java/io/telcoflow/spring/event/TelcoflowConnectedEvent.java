package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;

/**
 * The control connection was opened and welcomed for the first time.
 */
public class TelcoflowConnectedEvent extends TelcoflowConnectionEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param state the control connection's state
	 */
	public TelcoflowConnectedEvent(TelcoflowClient client, ConnectionState state) {
		super(client, state);
	}

}
