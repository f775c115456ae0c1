/**
 * A stand-in for a chat model in demos and tests: {@link io.telcoflow.speech.offline.demo.IntentChatModel}
 * matches what a caller says against five receptionist intents and answers from a script, calling
 * tools the way a language model would. Not a language model.
 */
@NullMarked
package io.telcoflow.speech.offline.demo;

import org.jspecify.annotations.NullMarked;
