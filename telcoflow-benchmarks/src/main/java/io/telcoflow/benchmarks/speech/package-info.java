/**
 * Start-up cost and per-sentence latency of telcoflow-speech-offline's FreeTTS and Sphinx4 models,
 * measured outside the tests. See docs/offline-speech.md.
 */
@NullMarked
package io.telcoflow.benchmarks.speech;

import org.jspecify.annotations.NullMarked;
