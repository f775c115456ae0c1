package io.telcoflow.test.autoconfigure;

import java.io.IOException;
import java.util.Set;

import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowClientCustomizer;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConfigCustomizer;
import io.telcoflow.spring.event.CallHandlerSelectedListener;
import io.telcoflow.spring.listener.CallArgumentResolver;
import io.telcoflow.spring.listener.IncomingCallErrorHandler;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The component scan of {@link TelcoflowTest @TelcoflowTest}: classes with an
 * {@link OnIncomingCall @OnIncomingCall} method (or those of {@link TelcoflowTest#handlers()}) and
 * the types that take part in serving calls.
 */
final class TelcoflowTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<TelcoflowTest> {

	private static final Set<Class<?>> DEFAULT_INCLUDES = Set.of(CallArgumentResolver.class,
			IncomingCallErrorHandler.class, TelcoflowClientListener.class, CallHandlerSelectedListener.class,
			TelcoflowClientCustomizer.class, TelcoflowConfigCustomizer.class);

	private final Set<Class<?>> handlers;

	TelcoflowTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
		this.handlers = getAnnotation().getValue("handlers", Class[].class).map(Set::<Class<?>>of).orElseGet(Set::of);
	}

	@Override
	protected Set<Class<?>> getKnownIncludes() {
		return DEFAULT_INCLUDES;
	}

	@Override
	protected Set<Class<?>> getComponentIncludes() {
		return this.handlers;
	}

	@Override
	protected boolean defaultInclude(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory)
			throws IOException {
		if (super.defaultInclude(metadataReader, metadataReaderFactory)) {
			return true;
		}
		// with handlers named, only those: a class is then included by getComponentIncludes
		return this.handlers.isEmpty()
				&& metadataReader.getAnnotationMetadata().hasAnnotatedMethods(OnIncomingCall.class.getName());
	}

}
