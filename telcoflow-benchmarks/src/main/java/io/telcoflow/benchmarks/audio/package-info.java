/**
 * Measurements of telcoflow-audio that need outside tools (SoX, espeak-ng) and therefore stay out
 * of the tests: the resampler's quality next to SoX's and the JDK's, and the voice activity
 * detector on a labelled set. See docs/audio.md.
 */
@NullMarked
package io.telcoflow.benchmarks.audio;

import org.jspecify.annotations.NullMarked;
