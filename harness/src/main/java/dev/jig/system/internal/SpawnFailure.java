package dev.jig.system.internal;

import org.apiguardian.api.API;

/**
 * A backend could not start an instance (no such executable, no image, no Docker); the message says what to
 * do. The core turns it into a {@code SystemLaunchException} naming the system. Not for users.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class SpawnFailure extends Exception {

    public SpawnFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
