package dev.jig.samples.atm;

/**
 * The ATM's messages (generated from {@code atm.proto}) made in one call.
 *
 * <pre>{@code
 * AtmMessages.withdraw("Jane Doe", 50)     // AtmRequest { action: WITHDRAW customer: "Jane Doe" amount: 50 }
 * AtmMessages.ok(50)                       // AtmReply { success: true balance: 50 }
 * AtmMessages.failed("bank timed out after 1000 ms")
 * }</pre>
 */
public final class AtmMessages {

    private AtmMessages() {
    }

    /** A request to withdraw {@code amount} from {@code customer}'s account. */
    public static AtmRequest withdraw(String customer, long amount) {
        return request(Action.WITHDRAW, customer, amount);
    }

    /** A request to deposit {@code amount} into {@code customer}'s account. */
    public static AtmRequest deposit(String customer, long amount) {
        return request(Action.DEPOSIT, customer, amount);
    }

    /** Any request, including ones the ATM refuses. */
    public static AtmRequest request(Action action, String customer, long amount) {
        return AtmRequest.newBuilder().setAction(action).setCustomer(customer).setAmount(amount).build();
    }

    /** A successful reply with the new balance. */
    public static AtmReply ok(long balance) {
        return AtmReply.newBuilder().setSuccess(true).setBalance(balance).build();
    }

    /** A failed reply with balance 0. */
    public static AtmReply failed(String error) {
        return refused(0, error);
    }

    /** A failed reply that tells the current balance (insufficient funds, a deposit too large). */
    public static AtmReply refused(long balance, String error) {
        return AtmReply.newBuilder().setSuccess(false).setBalance(balance).setError(error).build();
    }
}
