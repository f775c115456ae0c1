/**
 * The voice agent under load: an application on the starter and telcoflow-voice-agent with
 * instant fake models, so that what is measured is the pipeline's own cost and latency.
 */
@NullMarked
package io.telcoflow.benchmarks.agent;

import org.jspecify.annotations.NullMarked;
