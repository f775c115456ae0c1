/**
 * Voice activity detection: the {@link io.telcoflow.audio.vad.VoiceActivityDetector} contract and
 * an energy detector with an adaptive noise floor
 * ({@link io.telcoflow.audio.vad.EnergyVoiceActivityDetector}).
 */
@NullMarked
package io.telcoflow.audio.vad;

import org.jspecify.annotations.NullMarked;
