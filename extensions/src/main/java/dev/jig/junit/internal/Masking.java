package dev.jig.junit.internal;

import dev.jig.record.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.ValueWrapper;

/**
 * Masks secrets in a failure before JUnit hands it to Surefire's XML and the IDE: a failure whose printed form holds
 * none is returned as it is; otherwise assertions are rebuilt with masked messages and values, and anything else is
 * replaced by a {@link Masked} stand-in that prints as the original would, masked, with the same stack trace.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class Masking {

    private Masking() {
    }

    static Throwable mask(Throwable failure) {
        if (failure == null || !holdsSecrets(failure)) {
            return failure;
        }
        Throwable masked;
        if (failure instanceof AssertionFailedError assertion) {
            masked = assertion.isExpectedDefined() || assertion.isActualDefined()
                    ? new AssertionFailedError(Secrets.mask(assertion.getMessage()), value(assertion.getExpected()),
                            value(assertion.getActual()), maskOrNull(assertion.getCause()))
                    : new AssertionFailedError(Secrets.mask(assertion.getMessage()), maskOrNull(assertion.getCause()));
        } else if (failure.getClass() == AssertionError.class) {
            masked = new AssertionError(Secrets.mask(failure.getMessage()), maskOrNull(failure.getCause()));
        } else if (failure instanceof org.opentest4j.TestAbortedException) {
            masked = new org.opentest4j.TestAbortedException(Secrets.mask(failure.getMessage()),
                    maskOrNull(failure.getCause()));
        } else if (failure instanceof org.opentest4j.TestSkippedException) {
            masked = new org.opentest4j.TestSkippedException(Secrets.mask(failure.getMessage()),
                    maskOrNull(failure.getCause()));
        } else {
            masked = new Masked(Secrets.mask(failure.toString()), maskOrNull(failure.getCause()));
        }
        masked.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            masked.addSuppressed(mask(suppressed));
        }
        return masked;
    }

    static Throwable maskOrNull(Throwable failure) {
        return failure == null ? null : mask(failure);
    }

    /** A value of an assertion, masked when it is text. */
    static Object value(ValueWrapper wrapper) {
        if (wrapper == null) {
            return null;
        }
        Object value = wrapper.getValue();
        return value instanceof CharSequence text ? Secrets.mask(text.toString()) : value;
    }

    private static boolean holdsSecrets(Throwable failure) {
        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        String text = printed.toString();
        if (failure instanceof AssertionFailedError assertion) {
            text += "\n" + (assertion.getExpected() == null ? "" : assertion.getExpected().getStringRepresentation())
                    + "\n" + (assertion.getActual() == null ? "" : assertion.getActual().getStringRepresentation());
        }
        return !Secrets.mask(text).equals(text);
    }

    /** Stands in for a failure whose message held a secret: prints as {@code Type: masked message}. */
    static final class Masked extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String printed;

        Masked(String printed, Throwable cause) {
            super(printed, cause);
            this.printed = printed;
        }

        @Override
        public String toString() {
            return printed;
        }
    }
}
