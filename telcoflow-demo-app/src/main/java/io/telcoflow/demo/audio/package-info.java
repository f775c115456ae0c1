/**
 * Audio building blocks of the receptionist: PCM arithmetic, WAV files, a voice activity detector
 * and a prompt player that feeds a call's outgoing buffer.
 */
@NullMarked
package io.telcoflow.demo.audio;

import org.jspecify.annotations.NullMarked;
