/**
 * Small helpers the harness packages share (how messages show durations, atomic file writes). Internal:
 * not part of Jig's API.
 */
package dev.jig.support;
