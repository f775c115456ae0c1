/**
 * Spring AI speech models that run offline, from Maven Central artefacts alone:
 * {@link io.telcoflow.speech.offline.FreeTtsTextToSpeechModel} (FreeTTS) and
 * {@link io.telcoflow.speech.offline.SphinxTranscriptionModel} (CMU Sphinx4). For tests, demos
 * and fixed phrases; not for production speech. Their licences are in the module's NOTICE.
 */
@NullMarked
package io.telcoflow.speech.offline;

import org.jspecify.annotations.NullMarked;
