/**
 * The receptionist's prompt player, which feeds a call's outgoing buffer; formats, WAV files
 * and voice activity come from telcoflow-audio.
 */
@NullMarked
package io.telcoflow.demo.audio;

import org.jspecify.annotations.NullMarked;
