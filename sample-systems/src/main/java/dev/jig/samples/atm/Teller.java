package dev.jig.samples.atm;

/**
 * The ATM's decisions, without sockets: validate the request, ask the bank, answer.
 *
 * <pre>{@code
 * Teller teller = new Teller(customer -> 100);
 * teller.handle(AtmRequest.withdraw("Jane Doe", 50));   // AtmReply[success=true, balance=50, error=null]
 * }</pre>
 * The teller never throws for a bank problem: every outcome is an {@link AtmReply}.
 */
public final class Teller {

    private final Bank bank;

    public Teller(Bank bank) {
        this.bank = bank;
    }

    /** Decides one request; invalid requests are refused without asking the bank. */
    public AtmReply handle(AtmRequest request) {
        String problem = problemWith(request);
        if (problem != null) {
            return AtmReply.failed(problem);
        }
        long balance;
        try {
            balance = bank.balanceOf(request.customer());
        } catch (BankException e) {
            return AtmReply.failed(e.getMessage());
        }
        return request.action().equals(AtmRequest.WITHDRAW)
                ? withdraw(balance, request.amount())
                : deposit(balance, request.amount());
    }

    /** What is wrong with the request, or {@code null} if it may go to the bank. */
    static String problemWith(AtmRequest request) {
        String action = request.action();
        if (action == null) {
            return "missing action: expected \"withdraw\" or \"deposit\"";
        }
        if (!action.equals(AtmRequest.WITHDRAW) && !action.equals(AtmRequest.DEPOSIT)) {
            return "unknown action \"" + action + "\": expected \"withdraw\" or \"deposit\"";
        }
        if (request.customer() == null || request.customer().isBlank()) {
            return "missing customer: give the customer's name";
        }
        if (request.amount() <= 0) {
            return "amount must be greater than 0, got " + request.amount();
        }
        return null;
    }

    private static AtmReply withdraw(long balance, long amount) {
        if (amount > balance) {
            return new AtmReply(false, balance, "insufficient funds: balance " + balance + ", requested " + amount);
        }
        return AtmReply.ok(balance - amount);
    }

    private static AtmReply deposit(long balance, long amount) {
        try {
            return AtmReply.ok(Math.addExact(balance, amount));
        } catch (ArithmeticException e) {
            // A balance past Long.MAX_VALUE cannot be represented; refuse rather than wrap to negative.
            return new AtmReply(false, balance, "deposit too large: balance " + balance + ", deposit " + amount);
        }
    }
}
