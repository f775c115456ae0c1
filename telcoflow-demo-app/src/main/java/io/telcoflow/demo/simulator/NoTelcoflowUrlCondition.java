package io.telcoflow.demo.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The condition of {@link ConditionalOnNoTelcoflowUrl}.
 */
class NoTelcoflowUrlCondition extends SpringBootCondition {

	static final String PROPERTY = "telcoflow.url";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnNoTelcoflowUrl.class);
		String url = context.getEnvironment().getProperty(PROPERTY);
		if (StringUtils.hasText(url)) {
			return ConditionOutcome.noMatch(message.found("property").items(PROPERTY));
		}
		return ConditionOutcome.match(message.didNotFind("property").items(PROPERTY));
	}

}
