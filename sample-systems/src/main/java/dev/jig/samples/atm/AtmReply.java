package dev.jig.samples.atm;

/**
 * The ATM's answer, always with all three fields: {@code {"success":true,"balance":50,"error":null}}.
 *
 * <pre>{@code
 * AtmReply.ok(50)                            // {"success":true,"balance":50,"error":null}
 * AtmReply.failed("bank timed out after 1000 ms")   // {"success":false,"balance":0,"error":"…"}
 * }</pre>
 *
 * @param success whether the action went ahead
 * @param balance the balance after the action (the current balance for insufficient funds, else 0 on failure)
 * @param error   why it failed, {@code null} on success
 */
public record AtmReply(boolean success, long balance, String error) {

    /** A successful reply with the new balance. */
    public static AtmReply ok(long balance) {
        return new AtmReply(true, balance, null);
    }

    /** A failed reply with balance 0. */
    public static AtmReply failed(String error) {
        return new AtmReply(false, 0, error);
    }
}
