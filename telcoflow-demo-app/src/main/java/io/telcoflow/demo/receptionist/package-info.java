/**
 * The receptionist: answers, greets, takes a message (with barge-in), or puts the caller through
 * to a human and falls back to voicemail when nobody answers.
 */
@NullMarked
package io.telcoflow.demo.receptionist;

import org.jspecify.annotations.NullMarked;
