package io.telcoflow.speech.offline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SphinxLoggingTests {

	@Test
	void sphinxKeepsNoConsoleHandlerAndOnlyItsWarningsReachTheApplicationsLogging() {
		OfflineModels.phrases();
		Logger sphinx = Logger.getLogger(SphinxLogging.SPHINX_LOGGER);
		assertThat(sphinx.getHandlers()).noneMatch(ConsoleHandler.class::isInstance);
		List<String> forwarded = new CopyOnWriteArrayList<>();
		Handler capture = new Handler() {

			@Override
			public void publish(LogRecord record) {
				forwarded.add(record.getLevel() + " " + record.getMessage());
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		Logger forward = Logger.getLogger(SphinxLogging.FORWARD_LOGGER);
		forward.addHandler(capture);
		try {
			Logger component = Logger.getLogger(SphinxLogging.SPHINX_LOGGER + ".edu.cmu.sphinx.Test.component");
			component.info("Loading tied-state acoustic model");
			component.warning("Can't find pronunciation");
			component.log(Level.SEVERE, "Failed");
		}
		finally {
			forward.removeHandler(capture);
		}
		assertThat(forwarded).containsExactly("WARNING Can't find pronunciation", "SEVERE Failed");
	}

}
