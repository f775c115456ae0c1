package io.telcoflow.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.telcoflow.client.TelcoflowConfig;

/**
 * The URLs and the authentication headers of the control and media connections.
 */
final class Endpoints {

	private final TelcoflowConfig config;

	private final URI controlUri;

	Endpoints(TelcoflowConfig config) {
		this.config = config;
		URI base = config.getUrl();
		String path = (base.getPath() != null) ? base.getPath() : "";
		path = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/v1/control";
		try {
			this.controlUri = new URI(base.getScheme(), null, base.getHost(), base.getPort(), path, null, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Invalid Telcoflow setting 'url': " + base, ex);
		}
	}

	URI controlUri() {
		return this.controlUri;
	}

	/**
	 * Resolves a {@code media_url}: an absolute {@code ws}/{@code wss} URL, or an absolute path
	 * against the control URL's scheme, host and port.
	 * @param mediaUrl the URL from the offer
	 * @return the URL to open
	 * @throws IllegalArgumentException when it is neither
	 */
	URI mediaUri(String mediaUrl) {
		URI uri = URI.create(mediaUrl);
		if (uri.isAbsolute()) {
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("ws") && !scheme.equals("wss")) {
				throw new IllegalArgumentException("media_url must be a ws or wss URL");
			}
			return uri;
		}
		if (!mediaUrl.startsWith("/")) {
			throw new IllegalArgumentException("media_url must be absolute");
		}
		URI base = this.config.getUrl();
		return URI.create(base.getScheme() + "://" + base.getRawAuthority() + mediaUrl);
	}

	/**
	 * Returns the upgrade headers of the control connection.
	 * @return the headers (with the API key: never log them)
	 */
	Map<String, String> controlHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.config.isApiKeyAuthentication()) {
			headers.put("Authorization", "Bearer " + this.config.getApiKey());
			headers.put("Telcoflow-Connector", String.valueOf(this.config.getConnectorUuid()));
		}
		return headers;
	}

	/**
	 * Returns the upgrade headers of a media connection.
	 * @param mediaToken the call's media token
	 * @return the headers (secrets: never log them)
	 */
	Map<String, String> mediaHeaders(String mediaToken) {
		Map<String, String> headers = controlHeaders();
		headers.put("Telcoflow-Media-Token", mediaToken);
		return headers;
	}

}
