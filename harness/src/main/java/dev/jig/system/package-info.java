/**
 * Systems under test, whatever runs them: launch options written once ({@link dev.jig.system.SystemSpec}),
 * readiness ({@link dev.jig.system.Ready}), the running system with its output, control and record
 * ({@link dev.jig.system.RunningSystem}), and one registry that reaps what a killed JVM left behind
 * ({@link dev.jig.system.SystemRegistry}). Backends: {@code dev.jig.system.process} (a command or a Java main
 * class, as a process tree) and {@code dev.jig.system.container} (Testcontainers).
 *
 * <pre>{@code
 * try (RunningSystem atm = SystemSpec.java("atm", AtmMain.class)
 *         .args("--port", SystemSpec.FREE_PORT)
 *         .readyWhen(Ready.port())
 *         .start()) {
 *     connect(atm.address());
 * }
 * }</pre>
 */
package dev.jig.system;
