package dev.jig.samples.atm;

/**
 * The bank could not tell us a balance. The message is the text the ATM puts in its reply,
 * e.g. {@code "bank unavailable: Connection refused"}.
 *
 * <pre>{@code
 * throw BankException.timedOut(1000);   // "bank timed out after 1000 ms"
 * }</pre>
 */
public final class BankException extends Exception {

    private BankException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The bank could not be connected to (refused, unknown host, …). */
    public static BankException unavailable(String reason, Throwable cause) {
        return new BankException("bank unavailable: " + reason, cause);
    }

    /** The bank did not answer within the bank timeout. */
    public static BankException timedOut(long timeoutMillis) {
        return new BankException("bank timed out after " + timeoutMillis + " ms", null);
    }

    /** The bank answered wrongly: closed without answering, garbage, a broken connection. */
    public static BankException error(String reason, Throwable cause) {
        return new BankException("bank error: " + reason, cause);
    }
}
