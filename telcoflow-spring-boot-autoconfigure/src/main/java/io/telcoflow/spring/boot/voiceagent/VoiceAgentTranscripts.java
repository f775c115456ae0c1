package io.telcoflow.spring.boot.voiceagent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.telcoflow.spring.boot.actuate.CallTranscripts;
import io.telcoflow.voiceagent.VoiceAgentEvent;
import io.telcoflow.voiceagent.VoiceAgentListener;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the transcripts of live voice agent conversations, for the {@code telcoflow} Actuator
 * endpoint: from the start of each conversation to its end, at most the last
 * {@value #MAX_LINES} utterances per call. Thread-safe.
 */
public class VoiceAgentTranscripts implements VoiceAgentListener, CallTranscripts {

	/** Utterances kept per call: the newest. */
	public static final int MAX_LINES = 200;

	private final Map<String, List<TranscriptLine>> transcripts = new ConcurrentHashMap<>();

	@Override
	public void onEvent(VoiceAgentEvent event) {
		if (event instanceof VoiceAgentEvent.ConversationStarted) {
			this.transcripts.put(event.callId(), new ArrayList<>());
		}
		else if (event instanceof VoiceAgentEvent.ConversationEnded) {
			this.transcripts.remove(event.callId());
		}
		else if (event instanceof VoiceAgentEvent.CallerSaid said) {
			add(said.callId(), new TranscriptLine("caller", said.text(), "", said.at().toString()));
		}
		else if (event instanceof VoiceAgentEvent.AgentSaid said) {
			add(said.callId(), new TranscriptLine("agent", said.heard(), said.unheard(), said.at().toString()));
		}
	}

	private void add(String callId, TranscriptLine line) {
		List<TranscriptLine> lines = this.transcripts.get(callId);
		if (lines != null) {
			synchronized (lines) {
				if (lines.size() == MAX_LINES) {
					lines.remove(0);
				}
				lines.add(line);
			}
		}
	}

	@Override
	public @Nullable List<TranscriptLine> transcript(String callId) {
		List<TranscriptLine> lines = this.transcripts.get(callId);
		if (lines == null) {
			return null;
		}
		synchronized (lines) {
			return List.copyOf(lines);
		}
	}

	@Override
	public String toString() {
		return "VoiceAgentTranscripts[" + this.transcripts.size() + " live conversations]";
	}

}
