package dev.jig.system.internal;

import org.apiguardian.api.API;

/**
 * What one {@code SystemSpec} factory runs — a command, a Java main class, an image, a user's container — and
 * the backend that runs it. Immutable; {@link #spawn} may be called again for a restart. Not for users.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public interface Launch {

    /** The backend that spawns it and reaps its leftovers. */
    Backend backend();

    /** For {@code toString} and messages, e.g. {@code "python3 atm.py"} or {@code "image jig/atm:1"}. */
    String describe();

    /** Whether {@code jvmArgs(...)} applies (a Java main class). */
    default boolean isJava() {
        return false;
    }

    /** Whether it runs a container of an image Jig configures ({@code SystemSpec.image(...)}). */
    default boolean isImage() {
        return false;
    }

    /**
     * Work before the start phase that deserves a phase of its own (building an image); returns the phase's
     * name, or null when there is nothing to do. Called once per start, before {@link #spawn}.
     */
    default String preparePhase() {
        return null;
    }

    /** Does the work announced by {@link #preparePhase()}. */
    default void prepare(String systemName) throws SpawnFailure {
    }

    /** Starts one instance; its output goes to {@link Spawn#output()} line by line. */
    Instance spawn(Spawn spawn) throws SpawnFailure;
}
