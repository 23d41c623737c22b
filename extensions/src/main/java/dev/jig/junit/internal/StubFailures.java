package dev.jig.junit.internal;

import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * Turns what a fake's stub threw into the test's failure: an assertion keeps its type (and expected/actual values),
 * anything else becomes an {@link AssertionError} with it as the cause; the message says which stub and which request.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class StubFailures {

    private StubFailures() {
    }

    /** {@code thrown}, as the failure of the test, its message starting with {@code where}. */
    public static Throwable asTestFailure(Throwable thrown, String where) {
        String message = where + ": " + thrown;
        Throwable failure;
        if (thrown instanceof AssertionFailedError assertion) {
            String said = where + ": " + (assertion.getMessage() == null ? "" : assertion.getMessage());
            failure = assertion.isExpectedDefined() || assertion.isActualDefined()
                    ? new AssertionFailedError(said, value(assertion.getExpected()), value(assertion.getActual()),
                            thrown)
                    : new AssertionFailedError(said, thrown);
        } else if (thrown instanceof AssertionError) {
            failure = new AssertionError(where + ": " + (thrown.getMessage() == null ? "" : thrown.getMessage()),
                    thrown);
        } else {
            return new AssertionError(message, thrown);
        }
        failure.setStackTrace(thrown.getStackTrace());
        return failure;
    }

    private static Object value(org.opentest4j.ValueWrapper wrapper) {
        return wrapper == null ? null : wrapper.getValue();
    }
}
