package io.telcoflow.voiceagent;

/**
 * Which model a turn was waiting for when it failed.
 */
public enum ModelStage {

	/** The {@code TranscriptionModel}, turning the caller's utterance into text. */
	TRANSCRIPTION,

	/** The chat model behind the {@code ChatClient}, streaming the reply. */
	CHAT,

	/** The {@code TextToSpeechModel}, synthesizing the reply. */
	SPEECH

}
