package io.telcoflow.demo.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavWriter;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.voiceagent.VoiceAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/**
 * The receptionist's own tool: takes the caller's message, keeping their voice as a WAV file
 * named after the call (the utterance the voice agent answers, from the tool's context) and
 * their words in the log.
 */
public final class MessageTaker {

	/** The tool's name, as the chat model sees it. */
	public static final String TOOL_NAME = "take_message";

	private static final Logger logger = LoggerFactory.getLogger(ConversationLog.class);

	private final Path recordingsDir;

	/**
	 * Creates the tool.
	 * @param recordingsDir where the messages are written (created when needed)
	 */
	public MessageTaker(Path recordingsDir) {
		this.recordingsDir = recordingsDir;
	}

	/**
	 * Takes a message: records what the caller just said.
	 * @param message the caller's words
	 * @param context the voice agent's context: the call and the caller's utterance
	 * @return what happened, for the model
	 */
	@Tool(name = TOOL_NAME, description = "Takes a message for the team: call it with the caller's message, "
			+ "word for word, once they have said it. Their voice is recorded too. Then confirm to the caller.")
	public String takeMessage(@ToolParam(description = "The caller's message, word for word") String message,
			ToolContext context) {
		Map<String, Object> values = context.getContext();
		if (!(values.get(VoiceAgent.CALL_CONTEXT_KEY) instanceof ActiveCall call)
				|| !(values.get(VoiceAgent.UTTERANCE_CONTEXT_KEY) instanceof WavAudio voice)) {
			return "FAILED: the message could not be recorded. Apologise and offer to put the caller through.";
		}
		Path file = file(call.getCallId());
		try {
			Files.createDirectories(this.recordingsDir);
			Files.write(file, WavWriter.toBytes(voice));
		}
		catch (IOException ex) {
			logger.warn("call {}: cannot write the message to {}: {}", call.getCallId(), file, ex.getMessage());
			return "FAILED: the message could not be recorded. Apologise and offer to put the caller through.";
		}
		logger.info("call {}: message recorded: {} in {} (\"{}\")", call.getCallId(),
				ConversationLog.millis(voice.duration()), file, message);
		return "RECORDED: the message is saved and will be passed on.";
	}

	/**
	 * Returns the file a call's message is written to.
	 * @param callId the call
	 * @return the path, which exists once a message was taken
	 */
	public Path file(String callId) {
		return this.recordingsDir.resolve(callId + ".wav");
	}

}
