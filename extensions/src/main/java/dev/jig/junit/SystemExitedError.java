package dev.jig.junit;

import org.apiguardian.api.API;

/**
 * A test failed after a system under test exited on its own during it. The first line of the message says which
 * system, with which exit code and when; the cause is what the test itself failed with (often a closed connection),
 * and the message goes on with each system's last lines and each fake's unanswered requests.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SystemExitedError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** The error with {@code message}, caused by what the test failed with. */
    public SystemExitedError(String message, Throwable cause) {
        super(message, cause);
        if (cause != null) {
            setStackTrace(cause.getStackTrace());
        }
    }
}
