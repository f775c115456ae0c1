package io.telcoflow.client;

/**
 * The state of the client's control connection.
 */
public enum ConnectionState {

	/** Created; {@link TelcoflowClient#connect()} not called yet. */
	NEW,

	/** Opening the control connection for the first time. */
	CONNECTING,

	/** Open and welcomed, but not ready: no call is offered until {@link TelcoflowClient#ready()}. */
	CONNECTED,

	/** Ready: the server offers calls to this client. */
	READY,

	/** Open, but paused by {@link TelcoflowClient#pause()}: calls in progress go on, no new call is offered. */
	PAUSED,

	/** The connection was lost; the client is reconnecting with backoff. Calls in progress go on. */
	RECONNECTING,

	/** The server refused the credentials; the client does not reconnect by itself. */
	AUTHENTICATION_FAILED,

	/** Closed by {@link TelcoflowClient#disconnect()}; final. */
	CLOSED

}
