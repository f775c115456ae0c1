package io.telcoflow.demo.models;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns the OpenAI starter's chat, transcription and speech auto-configurations off while
 * {@code spring.ai.openai.api-key} is not set (they would otherwise fail the startup for want of
 * a key), so that the offline models take their place and nothing tries the network. A
 * {@code spring.ai.model.*} property set anywhere else still wins: this source comes last.
 */
public final class OpenAiKeySwitch implements EnvironmentPostProcessor {

	static final String API_KEY = "spring.ai.openai.api-key";

	static final String SOURCE_NAME = "demoOpenAiKeySwitch";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty(API_KEY))) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource(SOURCE_NAME,
					Map.of("spring.ai.model.chat", "none", "spring.ai.model.audio.transcription", "none",
							"spring.ai.model.audio.speech", "none")));
	}

}
