/**
 * Systems under test that run in a container, with the same contract as a subprocess
 * ({@link dev.jig.process.SystemProcess}): readiness conditions, captured output, stop, record. Needs
 * Testcontainers ({@code org.testcontainers:testcontainers}) on the class path and a Docker engine.
 */
package dev.jig.container;
