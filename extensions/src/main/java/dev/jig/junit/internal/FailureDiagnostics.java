package dev.jig.junit.internal;

import dev.jig.junit.SystemExitedError;
import dev.jig.junit.TestDeadlineException;
import dev.jig.record.Secrets;
import java.util.List;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.IncompleteExecutionException;

/**
 * Adds what the systems and fakes had to say to a failing test's message, keeping what IDEs rely on: the
 * exception type of an assertion or an aborted test, expected and actual values, the stack trace, cause and
 * suppressed exceptions. The essential facts (a system that exited during the test) go into the first line, which
 * is what Surefire's summary and IDEs show; a failure that is no assertion is then wrapped in a
 * {@link SystemExitedError} with the original as its cause. Secrets are masked in all of it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class FailureDiagnostics {

    private static final String HEADING = "\n\n--- Jig: the systems and fakes of this test ---";

    private FailureDiagnostics() {
    }

    static Throwable attach(Throwable failure, String diagnostics) {
        return attach(failure, List.of(), diagnostics);
    }

    static Throwable attach(Throwable failure, List<String> headlines, String diagnostics) {
        String headline = String.join("; ", headlines);
        boolean lead = !headline.isEmpty() && !(failure instanceof IncompleteExecutionException)
                && !(failure instanceof TestDeadlineException);
        String said = diagnostics.isBlank() ? "" : HEADING + diagnostics;
        if (!lead && !headline.isEmpty()) {
            said = HEADING + "\n" + headline + (diagnostics.isBlank() ? "" : diagnostics);
        }
        if (said.isEmpty() && !lead) {
            return Masking.mask(failure);
        }
        String original = failure.getMessage() == null ? "" : failure.getMessage();
        String message = Secrets.mask((lead ? headline + "\n" : "") + original + said);
        Throwable enriched;
        if (failure instanceof AssertionFailedError assertion) {
            enriched = assertion.isExpectedDefined() || assertion.isActualDefined()
                    ? new AssertionFailedError(message, Masking.value(assertion.getExpected()),
                            Masking.value(assertion.getActual()), Masking.maskOrNull(assertion.getCause()))
                    : new AssertionFailedError(message, Masking.maskOrNull(assertion.getCause()));
        } else if (failure.getClass() == AssertionError.class) {
            enriched = new AssertionError(message, Masking.maskOrNull(failure.getCause()));
        } else if (lead) {
            // The first line must carry the fact; the original, whatever its type, is the cause.
            return new SystemExitedError(Secrets.mask(headline + "\n" + failure + said), Masking.mask(failure));
        } else {
            // Any other type may be what the test or its callers expect: keep it, say the rest beside it.
            Throwable kept = Masking.mask(failure);
            kept.addSuppressed(new JigDiagnostics(Secrets.mask(said.strip())));
            return kept;
        }
        enriched.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            enriched.addSuppressed(Masking.mask(suppressed));
        }
        return enriched;
    }

    /** Carries the diagnostics beside a failure whose type must not change. */
    static final class JigDiagnostics extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JigDiagnostics(String message) {
            super(message, null, false, false);
        }
    }
}
