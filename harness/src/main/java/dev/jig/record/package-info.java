/**
 * What one run recorded: plain Java records serialised as {@code results.json}
 * (schema {@code jig-results/1}), and the thread-safe collectors ({@link Timeline},
 * {@link TestRecorder}) that running resources report into.
 */
package dev.jig.record;
