package dev.jig.samples.atm;

/**
 * What a client asks the ATM: {@code {"action":"withdraw","customer":"Jane Doe","amount":50}}.
 *
 * <pre>{@code
 * AtmRequest.withdraw("Jane Doe", 50)
 * AtmRequest.deposit("John Doe", 20)
 * }</pre>
 *
 * @param action   "withdraw" or "deposit"
 * @param customer whose account
 * @param amount   how much, greater than 0
 */
public record AtmRequest(String action, String customer, long amount) {

    /** The action name for withdrawals. */
    public static final String WITHDRAW = "withdraw";
    /** The action name for deposits. */
    public static final String DEPOSIT = "deposit";

    /** A request to withdraw {@code amount} from {@code customer}'s account. */
    public static AtmRequest withdraw(String customer, long amount) {
        return new AtmRequest(WITHDRAW, customer, amount);
    }

    /** A request to deposit {@code amount} into {@code customer}'s account. */
    public static AtmRequest deposit(String customer, long amount) {
        return new AtmRequest(DEPOSIT, customer, amount);
    }
}
