package io.telcoflow.test.container;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * The {@link ExecutionCondition} behind {@link EnabledIfSimulatorImage}.
 */
class SimulatorImageCondition implements ExecutionCondition {

	private static volatile @Nullable ConditionEvaluationResult result;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		ConditionEvaluationResult evaluated = result;
		if (evaluated == null) {
			evaluated = evaluate();
			result = evaluated;
			System.out.println("Telcoflow container tests: " + evaluated.getReason().orElse(""));
		}
		if (evaluated.isDisabled() && Boolean.parseBoolean(System.getenv("TELCOFLOW_CONTAINER_TESTS_REQUIRED"))) {
			throw new IllegalStateException("Container tests are required but cannot run: "
					+ evaluated.getReason().orElse("unknown reason"));
		}
		return evaluated;
	}

	private static ConditionEvaluationResult evaluate() {
		DockerApiVersion.align();
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			return ConditionEvaluationResult.disabled("no Docker engine is available (see .ci/docker-setup.sh)");
		}
		DockerImageName image = TelcoflowSimulatorContainer.configuredImage();
		try {
			DockerClientFactory.instance().client().inspectImageCmd(image.asCanonicalNameString()).exec();
		}
		catch (RuntimeException ex) {
			return ConditionEvaluationResult.disabled("the image " + image.asCanonicalNameString()
					+ " is not built here (build it with .ci/docker-setup.sh)");
		}
		return ConditionEvaluationResult.enabled("Docker and " + image.asCanonicalNameString() + " are available");
	}

}
