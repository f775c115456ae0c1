package io.telcoflow.spring.boot.autoconfigure;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.TelcoflowConfig;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Says at INFO, once, that the auto-configured client is connected and ready for calls: where,
 * as which connector, and how many calls it takes at once (a capacity that silently refuses the
 * rest would otherwise go unnoticed). Later reconnections are the client's to report.
 */
final class TelcoflowReadyLogger implements TelcoflowClientListener {

	private static final Log logger = LogFactory.getLog(TelcoflowReadyLogger.class);

	private final String message;

	private final AtomicBoolean logged = new AtomicBoolean();

	TelcoflowReadyLogger(TelcoflowConfig config) {
		this.message = "Telcoflow client connected to " + server(config.getUrl()) + " " + identity(config)
				+ " and ready for calls: " + capacity(config.getMaxCalls());
	}

	@Override
	public void onConnectionStateChanged(ConnectionState previous, ConnectionState current) {
		if (current == ConnectionState.READY && this.logged.compareAndSet(false, true)) {
			logger.info(this.message);
		}
	}

	// Scheme, host and port only: no user info, path or query that might carry a secret
	private static String server(URI url) {
		return url.getScheme() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "");
	}

	private static String identity(TelcoflowConfig config) {
		return (config.getApiKey() != null) ? "as connector " + config.getConnectorUuid() + " (API key)"
				: "with a client certificate (mTLS)";
	}

	private static String capacity(int maxCalls) {
		if (maxCalls == 0) {
			return "no limit on concurrent calls (telcoflow.max-concurrent-calls=0)";
		}
		return "at most " + maxCalls + " at once (telcoflow.max-concurrent-calls); the server offers no more "
				+ "until one ends";
	}

}
