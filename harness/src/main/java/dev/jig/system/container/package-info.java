/**
 * The container backend of {@link dev.jig.system}: systems under test run in a container through Testcontainers
 * ({@code SystemSpec.image(...)}, {@code SystemSpec.container(...)}), with the same contract as a process.
 * Needs Testcontainers ({@code org.testcontainers:testcontainers}) on the class path and a Docker engine; public
 * here: {@link dev.jig.system.container.Image} (an image built from a directory) and
 * {@link dev.jig.system.container.Docker} (whether containers can run).
 */
package dev.jig.system.container;
