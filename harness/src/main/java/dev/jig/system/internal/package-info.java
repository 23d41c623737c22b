/**
 * The seam between the system core and its backends: {@link dev.jig.system.internal.Launch} (what to run),
 * {@link dev.jig.system.internal.Instance} (one spawned instance) and {@link dev.jig.system.internal.Backend}
 * (identity, liveness and reaping for the one registry). Not for users: may change in any release.
 */
package dev.jig.system.internal;
