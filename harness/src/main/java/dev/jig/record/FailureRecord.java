package dev.jig.record;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.apiguardian.api.API;

/**
 * Why a test failed or was aborted.
 *
 * @param type       the exception's class name
 * @param message    its message (may be {@code null})
 * @param stackTrace the printed stack trace, with causes and suppressed exceptions
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FailureRecord(String type, String message, String stackTrace) {

    public FailureRecord {
        message = Secrets.mask(message);
        stackTrace = Secrets.mask(stackTrace);
    }

    /** Describes a throwable. */
    public static FailureRecord of(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return new FailureRecord(failure.getClass().getName(), failure.getMessage(), trace.toString());
    }
}
