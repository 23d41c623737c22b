package dev.jig.samples.atm.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.jig.samples.atm.AtmMessages.deposit;
import static dev.jig.samples.atm.AtmMessages.failed;
import static dev.jig.samples.atm.AtmMessages.ok;
import static dev.jig.samples.atm.AtmMessages.refused;
import static dev.jig.samples.atm.AtmMessages.request;
import static dev.jig.samples.atm.AtmMessages.withdraw;

import dev.jig.samples.atm.Action;
import dev.jig.samples.atm.AtmReply;
import dev.jig.samples.atm.AtmRequest;
import dev.jig.samples.atm.Bank;
import dev.jig.samples.atm.BankException;
import dev.jig.samples.atm.Teller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TellerTest {

    private final List<String> askedFor = new ArrayList<>();
    private final Bank bank = customer -> {
        askedFor.add(customer);
        return Map.of("Jane Doe", 100L).getOrDefault(customer, 0L);
    };
    private final Teller teller = new Teller(bank);

    @Test
    void withdrawalWithinBalanceSucceedsWithTheNewBalance() {
        assertEquals(ok(50), teller.handle(withdraw("Jane Doe", 50)));
        assertEquals(List.of("Jane Doe"), askedFor);
    }

    @Test
    void withdrawalOfTheWholeBalanceSucceeds() {
        assertEquals(ok(0), teller.handle(withdraw("Jane Doe", 100)));
    }

    @Test
    void withdrawalBeyondBalanceFailsWithTheCurrentBalance() {
        assertEquals(refused(100, "insufficient funds: balance 100, requested 101"),
                teller.handle(withdraw("Jane Doe", 101)));
    }

    @Test
    void unknownCustomerHasNothingToWithdraw() {
        assertEquals(refused(0, "insufficient funds: balance 0, requested 50"),
                teller.handle(withdraw("Anonymous", 50)));
    }

    @Test
    void depositAddsToTheBalance() {
        assertEquals(ok(125), teller.handle(deposit("Jane Doe", 25)));
    }

    @Test
    void depositThatWouldOverflowIsRefused() {
        Teller rich = new Teller(customer -> Long.MAX_VALUE - 1);
        assertEquals(refused(Long.MAX_VALUE - 1,
                        "deposit too large: balance " + (Long.MAX_VALUE - 1) + ", deposit 2"),
                rich.handle(deposit("Jane Doe", 2)));
    }

    @Test
    void zeroOrNegativeAmountIsRefusedWithoutAskingTheBank() {
        assertEquals(failed("amount must be greater than 0, got 0"), teller.handle(withdraw("Jane Doe", 0)));
        assertEquals(failed("amount must be greater than 0, got -5"), teller.handle(deposit("Jane Doe", -5)));
        assertTrue(askedFor.isEmpty(), "the bank was asked about " + askedFor);
    }

    @Test
    void blankOrMissingCustomerIsRefusedWithoutAskingTheBank() {
        AtmReply expected = failed("missing customer: give the customer's name");
        assertEquals(expected, teller.handle(withdraw("  ", 10)));
        assertEquals(expected, teller.handle(withdraw("", 10)));
        assertEquals(expected, teller.handle(AtmRequest.newBuilder().setAction(Action.DEPOSIT).setAmount(10).build()));
        assertTrue(askedFor.isEmpty(), "the bank was asked about " + askedFor);
    }

    @Test
    void unknownOrMissingActionIsRefusedWithoutAskingTheBank() {
        AtmRequest steal = AtmRequest.newBuilder().setActionValue(7).setCustomer("Jane Doe").setAmount(10).build();
        assertEquals(failed("unknown action 7: expected WITHDRAW or DEPOSIT"), teller.handle(steal));
        assertEquals(failed("missing action: expected WITHDRAW or DEPOSIT"),
                teller.handle(request(Action.ACTION_UNSPECIFIED, "Jane Doe", 10)));
        assertTrue(askedFor.isEmpty(), "the bank was asked about " + askedFor);
    }

    @Test
    void bankProblemBecomesAFailedReplyWithBalanceZero() {
        Teller unlucky = new Teller(customer -> {
            throw BankException.timedOut(1000);
        });
        assertEquals(failed("bank timed out after 1000 ms"), unlucky.handle(withdraw("Jane Doe", 5)));
        Teller refused = new Teller(customer -> {
            throw BankException.unavailable("Connection refused", null);
        });
        assertEquals(failed("bank unavailable: Connection refused"), refused.handle(deposit("Jane Doe", 5)));
    }

    @Test
    void factoriesFillTheAction() {
        assertEquals(Action.WITHDRAW, withdraw("Jane Doe", 50).getAction());
        assertEquals(Action.DEPOSIT, deposit("Jane Doe", 50).getAction());
        assertEquals(request(Action.WITHDRAW, "Jane Doe", 50), withdraw("Jane Doe", 50));
    }
}
