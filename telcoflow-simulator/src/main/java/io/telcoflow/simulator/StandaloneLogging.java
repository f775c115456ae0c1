package io.telcoflow.simulator;

import org.slf4j.LoggerFactory;

/**
 * Sets INFO as the default level when the standalone program runs on Logback without a
 * configuration of its own (Logback's default is DEBUG for everything).
 */
final class StandaloneLogging {

	private StandaloneLogging() {
	}

	static void quietDefaults() {
		if (System.getProperty("logback.configurationFile") != null) {
			return;
		}
		if (!LoggerFactory.getILoggerFactory().getClass().getName().startsWith("ch.qos.logback")) {
			return;
		}
		LogbackLevels.rootInfo();
	}

	/** Touches Logback classes only when Logback is the binding. */
	private static final class LogbackLevels {

		static void rootInfo() {
			ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory
				.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
			root.setLevel(ch.qos.logback.classic.Level.INFO);
		}

	}

}
