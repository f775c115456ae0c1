package io.telcoflow.client.transport;

import java.util.AbstractList;

/**
 * The one value of an upgrade request header that holds a credential: the WebSocket stack reads
 * the value, but printing the list (as Spring's client does at TRACE) shows {@code [******]}.
 */
final class SecretHeaderValue extends AbstractList<String> {

	private final String value;

	SecretHeaderValue(String value) {
		this.value = value;
	}

	@Override
	public String get(int index) {
		if (index != 0) {
			throw new IndexOutOfBoundsException(index);
		}
		return this.value;
	}

	@Override
	public int size() {
		return 1;
	}

	@Override
	public String toString() {
		return "[******]";
	}

}
