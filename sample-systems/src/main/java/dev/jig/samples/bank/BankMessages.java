package dev.jig.samples.bank;

/**
 * The bank's messages (generated from {@code bank.proto}) made in one call.
 *
 * <pre>{@code
 * BankMessages.query("Jane Doe")   // BalanceQuery { customer: "Jane Doe" }
 * BankMessages.balance(100)        // Balance { balance: 100 }
 * }</pre>
 */
public final class BankMessages {

    private BankMessages() {
    }

    /** The ATM asks for {@code customer}'s balance. */
    public static BalanceQuery query(String customer) {
        return BalanceQuery.newBuilder().setCustomer(customer).build();
    }

    /** The bank's answer. */
    public static Balance balance(long balance) {
        return Balance.newBuilder().setBalance(balance).build();
    }
}
