package io.telcoflow.test.slice;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.spring.annotation.OnIncomingCall;

import org.springframework.stereotype.Component;

@Component
class FrontDeskHandler {

	@OnIncomingCall
	void onCall(ActiveCall call) {
		call.answer();
		call.disconnect();
	}

}
