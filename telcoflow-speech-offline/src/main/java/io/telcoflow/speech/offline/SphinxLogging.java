package io.telcoflow.speech.offline;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import edu.cmu.sphinx.util.SphinxLogFormatter;

/**
 * Quiets Sphinx4's logging. Every recognizer Sphinx4 creates from its default configuration sets
 * the {@code java.util.logging} logger {@value #SPHINX_LOGGER} to level INFO, cuts it off from the
 * parent handlers and gives it a console handler of its own, unless one with its formatter is
 * already there: about 200 lines on the standard error per recognizer. So that logger gets, before
 * any recognizer exists, a handler with that formatter which passes records of level WARNING and
 * above to the logger {@value #FORWARD_LOGGER}, whose output goes wherever the application's
 * logging sends {@code java.util.logging} (Spring Boot: to SLF4J). INFO and below are dropped.
 */
final class SphinxLogging {

	/** The logger Sphinx4 names after its default configuration file, default.config.xml. */
	static final String SPHINX_LOGGER = "default.config";

	/** Where Sphinx4's warnings and errors go. */
	static final String FORWARD_LOGGER = "edu.cmu.sphinx";

	/** Held so that the configured logger is not collected and recreated without the handler. */
	private static final Logger SPHINX = Logger.getLogger(SPHINX_LOGGER);

	private static final Logger FORWARD = Logger.getLogger(FORWARD_LOGGER);

	static {
		Forwarder forwarder = new Forwarder();
		forwarder.setFormatter(new SphinxLogFormatter());
		forwarder.setLevel(Level.WARNING);
		SPHINX.addHandler(forwarder);
		SPHINX.setUseParentHandlers(false);
	}

	private SphinxLogging() {
	}

	/**
	 * Makes sure the handler is installed (class initialization does it once).
	 */
	static void quiet() {
		// nothing more: loading this class installed the handler
	}

	private static final class Forwarder extends Handler {

		@Override
		public void publish(LogRecord record) {
			if (isLoggable(record)) {
				FORWARD.log(record);
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
