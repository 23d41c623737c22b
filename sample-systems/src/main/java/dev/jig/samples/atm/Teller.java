package dev.jig.samples.atm;

/**
 * The ATM's decisions, without sockets: validate the request, ask the bank, answer.
 *
 * <pre>{@code
 * Teller teller = new Teller(customer -> 100);
 * teller.handle(AtmMessages.withdraw("Jane Doe", 50));   // AtmReply { success: true balance: 50 }
 * }</pre>
 * The teller never throws for a bank problem: every outcome is an {@link AtmReply}.
 */
public final class Teller {

    private final Bank bank;
    private final java.util.function.LongSupplier maxWithdrawal;

    public Teller(Bank bank) {
        this(bank, () -> Long.MAX_VALUE);
    }

    /** A teller that refuses withdrawals over {@code maxWithdrawal}, asked at each request (settings reload). */
    public Teller(Bank bank, java.util.function.LongSupplier maxWithdrawal) {
        this.bank = bank;
        this.maxWithdrawal = maxWithdrawal;
    }

    /** Decides one request; invalid requests are refused without asking the bank. */
    public AtmReply handle(AtmRequest request) {
        String problem = problemWith(request);
        if (problem != null) {
            return AtmMessages.failed(problem);
        }
        long limit = maxWithdrawal.getAsLong();
        if (request.getAction() == Action.WITHDRAW && request.getAmount() > limit) {
            return AtmMessages.failed("over the limit: at most " + limit + " per withdrawal, requested "
                    + request.getAmount());
        }
        long balance;
        try {
            balance = bank.balanceOf(request.getCustomer());
        } catch (BankException e) {
            return AtmMessages.failed(e.getMessage());
        }
        return request.getAction() == Action.WITHDRAW
                ? withdraw(balance, request.getAmount())
                : deposit(balance, request.getAmount());
    }

    /** What is wrong with the request, or {@code null} if it may go to the bank. */
    static String problemWith(AtmRequest request) {
        Action action = request.getAction();
        if (action == Action.ACTION_UNSPECIFIED) {
            return "missing action: expected WITHDRAW or DEPOSIT";
        }
        if (action != Action.WITHDRAW && action != Action.DEPOSIT) {
            return "unknown action " + request.getActionValue() + ": expected WITHDRAW or DEPOSIT";
        }
        if (request.getCustomer().isBlank()) {
            return "missing customer: give the customer's name";
        }
        if (request.getAmount() <= 0) {
            return "amount must be greater than 0, got " + request.getAmount();
        }
        return null;
    }

    private static AtmReply withdraw(long balance, long amount) {
        if (amount > balance) {
            return AtmMessages.refused(balance, "insufficient funds: balance " + balance + ", requested " + amount);
        }
        return AtmMessages.ok(balance - amount);
    }

    private static AtmReply deposit(long balance, long amount) {
        try {
            return AtmMessages.ok(Math.addExact(balance, amount));
        } catch (ArithmeticException e) {
            // A balance past Long.MAX_VALUE cannot be represented; refuse rather than wrap to negative.
            return AtmMessages.refused(balance, "deposit too large: balance " + balance + ", deposit " + amount);
        }
    }
}
