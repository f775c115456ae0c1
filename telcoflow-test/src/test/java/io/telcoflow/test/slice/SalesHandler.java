package io.telcoflow.test.slice;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.spring.annotation.OnIncomingCall;

import org.springframework.stereotype.Component;

@Component
class SalesHandler {

	@OnIncomingCall(condition = "calleeNumber == '+441632960100'", order = -1)
	void onCall(ActiveCall call) {
		call.disconnect();
	}

}
