package dev.jig.samples.bank;

/**
 * The ATM asks the bank for a customer's balance: {@code {"customer":"Jane Doe"}}.
 *
 * <pre>{@code
 * new BalanceQuery("Jane Doe")
 * }</pre>
 */
public record BalanceQuery(String customer) {
}
