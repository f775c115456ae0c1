package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;

/**
 * Base of the connection lifecycle events; carries the control connection's state when the event
 * happened.
 */
public abstract class TelcoflowConnectionEvent extends TelcoflowEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Control connection's state when the event happened. */
	private final ConnectionState state;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param state the control connection's state
	 */
	protected TelcoflowConnectionEvent(TelcoflowClient client, ConnectionState state) {
		super(client);
		this.state = state;
	}

	/**
	 * Returns the control connection's state when the event happened.
	 * @return the state
	 */
	public ConnectionState getState() {
		return this.state;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[state=" + this.state + "]";
	}

}
