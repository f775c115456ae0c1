package io.telcoflow.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Tells, once the HTTP port is known, where to look at the running demo.
 */
@Component
class ActuatorLinks implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(ReceptionistApplication.class);

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		logger.info("Actuator: http://localhost:{}/actuator/telcoflow (calls in progress), /health, /metrics, /prometheus",
				event.getWebServer().getPort());
	}

}
