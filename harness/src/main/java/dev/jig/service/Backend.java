package dev.jig.service;

import org.apiguardian.api.API;

/**
 * Where a service runs: its local binaries as a process, or a container image.
 *
 * <pre>{@code
 * PostgresServer.spec("db").backend(Backend.CONTAINER)   // never look for local binaries
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum Backend {
    /** Local binaries where they are found, else a container (the default). */
    AUTO,
    /** Local binaries only: fail, saying what to install, where none are found. */
    LOCAL,
    /** A container only (needs Docker and Testcontainers; the image is pulled if absent). */
    CONTAINER
}
