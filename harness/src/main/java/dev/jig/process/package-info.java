/**
 * Launches any command as a system under test, waits for real readiness, captures its output,
 * stops its whole process tree and reaps what a killed JVM left behind.
 *
 * <pre>{@code
 * try (SystemProcess atm = ProcessSpec.java("atm", AtmMain.class)
 *         .args("--port", ProcessSpec.FREE_PORT)
 *         .readyWhen(Ready.port())
 *         .start()) {
 *     connect(atm.address());
 * }
 * }</pre>
 *
 * <p>Entry types: {@link dev.jig.process.ProcessSpec} (what to run),
 * {@link dev.jig.process.Ready} (when it is ready) and {@link dev.jig.process.SystemProcess}
 * (the running process).
 */
package dev.jig.process;
