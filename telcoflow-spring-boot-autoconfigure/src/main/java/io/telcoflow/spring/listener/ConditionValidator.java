package io.telcoflow.spring.listener;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.Projection;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.Selection;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * Finds, without evaluating a condition, the first name it reads from its root object (the call's
 * {@link IncomingCall}) that the evaluation context cannot read: a misspelt {@code callerNumbr}
 * would otherwise fail every call at run time. The condition is not evaluated because it may call
 * beans, whose side effects do not belong to startup.
 */
final class ConditionValidator {

	private static final IncomingCall SAMPLE = new IncomingCall("startup-validation", "+10000000000", "+10000000000",
			java.time.Instant.EPOCH);

	private ConditionValidator() {
	}

	/**
	 * Returns the first property or method that the condition reads from the call and that does
	 * not exist.
	 * @param condition the parsed condition
	 * @param context the evaluation context calls are matched with, its root a sample call
	 * @return a description such as {@code property 'callerNumbr'}, or {@code null}
	 */
	static @Nullable String findUnknownName(SpelExpression condition, EvaluationContext context) {
		return check(condition.getAST(), true, context);
	}

	static IncomingCall sample() {
		return SAMPLE;
	}

	private static @Nullable String check(SpelNode node, boolean onCall, EvaluationContext context) {
		if (node instanceof Selection || node instanceof Projection) {
			// what they read is an element of a collection, not the call
			return null;
		}
		if (onCall && node instanceof PropertyOrFieldReference property && !canRead(property.getName(), context)) {
			return "property '" + property.getName() + "'";
		}
		if (onCall && node instanceof MethodReference method && !hasMethod(method.getName())) {
			return "method '" + method.getName() + "'";
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			// In a.b.c only the first step reads the call; everything else (operands, method
			// arguments, indexes) is evaluated against the call again.
			boolean childOnCall = !(node instanceof CompoundExpression) || (onCall && i == 0);
			String unknown = check(node.getChild(i), childOnCall, context);
			if (unknown != null) {
				return unknown;
			}
		}
		return null;
	}

	private static boolean canRead(String name, EvaluationContext context) {
		for (PropertyAccessor accessor : context.getPropertyAccessors()) {
			try {
				if (accessor.canRead(context, SAMPLE, name)) {
					return true;
				}
			}
			catch (AccessException ex) {
				// try the next accessor
			}
		}
		return false;
	}

	private static boolean hasMethod(String name) {
		return Arrays.stream(IncomingCall.class.getMethods()).map(Method::getName).anyMatch(name::equals);
	}

}
