package dev.jig.samples.atm;

/**
 * Where the {@link Teller} looks up balances; {@link BankClient} asks a real bank over TCP,
 * tests pass a lambda.
 *
 * <pre>{@code
 * Bank bank = customer -> customer.equals("Jane Doe") ? 100 : 0;
 * }</pre>
 */
@FunctionalInterface
public interface Bank {

    /**
     * The customer's current balance.
     *
     * @throws BankException if the bank could not be reached or did not answer properly
     */
    long balanceOf(String customer) throws BankException;
}
