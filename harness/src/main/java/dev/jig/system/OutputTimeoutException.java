package dev.jig.system;

import org.apiguardian.api.API;

/**
 * Thrown by {@link SystemOutput#awaitLine} when no matching line arrived in time, or the process
 * exited without printing one. The message names the pattern, the timeout and the last lines seen.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class OutputTimeoutException extends RuntimeException {

    OutputTimeoutException(String message) {
        super(message);
    }
}
