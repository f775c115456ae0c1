package io.telcoflow.test.container;

import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * {@link ContainerConnectionDetailsFactory} that creates {@link TelcoflowConnectionDetails} from a
 * {@link ServiceConnection @ServiceConnection}-annotated {@link TelcoflowSimulatorContainer}.
 */
class TelcoflowContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<TelcoflowSimulatorContainer, TelcoflowConnectionDetails> {

	TelcoflowContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "io.telcoflow.client.TelcoflowClient");
	}

	@Override
	protected TelcoflowConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<TelcoflowSimulatorContainer> source) {
		return new TelcoflowContainerConnectionDetails(source);
	}

	/**
	 * {@link TelcoflowConnectionDetails} backed by a {@link ContainerConnectionSource}.
	 */
	private static final class TelcoflowContainerConnectionDetails
			extends ContainerConnectionDetails<TelcoflowSimulatorContainer> implements TelcoflowConnectionDetails {

		private TelcoflowContainerConnectionDetails(ContainerConnectionSource<TelcoflowSimulatorContainer> source) {
			super(source);
		}

		@Override
		public String getUrl() {
			return getContainer().getUrl();
		}

		@Override
		public String getApiKey() {
			return getContainer().getApiKey();
		}

		@Override
		public String getConnectorUuid() {
			return getContainer().getConnectorUuid();
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return super.getSslBundle();
		}

	}

}
