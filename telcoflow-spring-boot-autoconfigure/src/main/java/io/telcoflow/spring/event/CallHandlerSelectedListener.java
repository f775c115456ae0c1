package io.telcoflow.spring.event;

import io.telcoflow.client.ActiveCall;
import org.jspecify.annotations.Nullable;

/**
 * Callback for beans that want to know which handler took a call; the incoming-call dispatcher
 * calls every bean of this type on the call's thread, just before the handler method runs. The
 * per-call {@code Observation} uses it for its {@code handler} key, and to open its scope around
 * the handler so that the handler's logs and spans belong to the call's trace.
 */
@FunctionalInterface
public interface CallHandlerSelectedListener {

	/**
	 * A handler was chosen for a call.
	 * @param call the call
	 * @param handler the handler's name, {@code beanName.methodName}
	 */
	void onCallHandlerSelected(ActiveCall call, String handler);

	/**
	 * Opens a scope around the handler's invocation, on the call's thread, once every listener
	 * has been told of the selection. The dispatcher closes it on the same thread when the handler
	 * returns or throws, in the reverse order of opening; when the handler throws, it first reports
	 * the failure to the scope ({@link HandlerScope#handlerFailed(Throwable)}).
	 * @param call the call
	 * @return the scope to close, or {@code null} (the default) for none
	 */
	default @Nullable HandlerScope openHandlerScope(ActiveCall call) {
		return null;
	}

	/**
	 * A scope around one handler invocation, such as an {@code Observation}'s.
	 */
	@FunctionalInterface
	interface HandlerScope extends AutoCloseable {

		/**
		 * The handler threw, on the thread that opened the scope, before the scope is closed. It
		 * comes before the failure is reported to the client's listeners (on another thread) and
		 * whether or not the call has ended by then. Does nothing by default.
		 * @param failure what the handler threw
		 */
		default void handlerFailed(Throwable failure) {
		}

		/**
		 * Closes the scope, on the thread that opened it.
		 */
		@Override
		void close();

	}

}
