package dev.jig.junit;

import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * A test body passed its deadline ({@code @Timeout}, JUnit's timeout keys or {@code jig.test.timeout}). The message's
 * first line says where the test thread was blocked, the next lines what Jig's fakes, clients and proxies were still
 * waiting for; the stack trace is the test thread's when the deadline passed, and the cause is what the body threw
 * once Jig unblocked it. A {@link TimeoutException}, like JUnit's own timeout failure.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TestDeadlineException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    /** A deadline failure with {@code message}, caused by what the body threw (may be null). */
    public TestDeadlineException(String message, Throwable cause) {
        super(message);
        if (cause != null) {
            initCause(cause);
        }
    }
}
