package dev.jig.samples.bank;

/**
 * The bank's answer to a {@link BalanceQuery}: {@code {"balance":100}}.
 *
 * <pre>{@code
 * new Balance(100)
 * }</pre>
 */
public record Balance(long balance) {
}
