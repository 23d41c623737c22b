/**
 * Makes sure nothing a run started is left running: an environment cookie that every started process and its
 * descendants carry ({@link dev.jig.leftover.Cookie}), a scan of {@code /proc} for it
 * ({@link dev.jig.leftover.CookieScan}), an optional cgroup v2 per system ({@link dev.jig.leftover.Cgroup}),
 * the stop that uses all of them ({@link dev.jig.leftover.Containment}), the identity of this host and JVM
 * ({@link dev.jig.leftover.HostIdentity}, {@link dev.jig.leftover.Owner}) and directories no other user can
 * plant files in ({@link dev.jig.leftover.PrivateDirectory}). Internal: the process and container packages use
 * it; users configure it with the key {@value dev.jig.leftover.Cgroup#MODE_PROPERTY}.
 */
package dev.jig.leftover;
