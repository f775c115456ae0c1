/**
 * The demo's embedded mode: when no {@code telcoflow.url} is set, an in-process Telcoflow
 * simulator, which the starter connects to, and scripted callers who ring every few seconds.
 */
@NullMarked
package io.telcoflow.demo.simulator;

import org.jspecify.annotations.NullMarked;
