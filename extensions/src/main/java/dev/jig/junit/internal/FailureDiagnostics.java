package dev.jig.junit.internal;

import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * Adds what the systems and fakes had to say to a failing test's message, keeping what IDEs rely on: the
 * exception type, expected and actual values, the stack trace, cause and suppressed exceptions.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class FailureDiagnostics {

    private static final String HEADING = "\n\n--- Jig: the systems and fakes of this test ---";

    private FailureDiagnostics() {
    }

    static Throwable attach(Throwable failure, String diagnostics) {
        if (diagnostics.isBlank()) {
            return failure;
        }
        String message = (failure.getMessage() == null ? "" : failure.getMessage()) + HEADING + diagnostics;
        Throwable enriched;
        if (failure instanceof AssertionFailedError assertion) {
            enriched = assertion.isExpectedDefined() || assertion.isActualDefined()
                    ? new AssertionFailedError(message, valueOf(assertion.getExpected()),
                            valueOf(assertion.getActual()), assertion.getCause())
                    : new AssertionFailedError(message, assertion.getCause());
        } else if (failure.getClass() == AssertionError.class) {
            enriched = new AssertionError(message, failure.getCause());
        } else {
            // Any other type may be what the test or its callers expect: keep it, say the rest beside it.
            failure.addSuppressed(new JigDiagnostics(HEADING.strip() + diagnostics));
            return failure;
        }
        enriched.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            enriched.addSuppressed(suppressed);
        }
        return enriched;
    }

    private static Object valueOf(org.opentest4j.ValueWrapper wrapper) {
        return wrapper == null ? null : wrapper.getValue();
    }

    /** Carries the diagnostics beside a failure whose type must not change. */
    static final class JigDiagnostics extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JigDiagnostics(String message) {
            super(message, null, false, false);
        }
    }
}
