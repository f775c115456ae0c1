package io.telcoflow.simulator.websocket;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP upgrade request as received: path, headers (lower-case names) and the TLS client
 * certificate chain, if any.
 *
 * @param path the request path without query
 * @param headers the headers, names in lower case
 * @param clientCertificates the verified client certificate chain, empty without mTLS
 */
public record UpgradeRequest(String path, Map<String, String> headers, List<X509Certificate> clientCertificates) {

	/**
	 * Returns a header's value.
	 * @param name the header name, any case
	 * @return the value or {@code null}
	 */
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

}
