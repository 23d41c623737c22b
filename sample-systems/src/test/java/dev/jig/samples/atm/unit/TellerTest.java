package dev.jig.samples.atm.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(new AtmReply(true, 50, null), teller.handle(AtmRequest.withdraw("Jane Doe", 50)));
        assertEquals(List.of("Jane Doe"), askedFor);
    }

    @Test
    void withdrawalOfTheWholeBalanceSucceeds() {
        assertEquals(new AtmReply(true, 0, null), teller.handle(AtmRequest.withdraw("Jane Doe", 100)));
    }

    @Test
    void withdrawalBeyondBalanceFailsWithTheCurrentBalance() {
        assertEquals(new AtmReply(false, 100, "insufficient funds: balance 100, requested 101"),
                teller.handle(AtmRequest.withdraw("Jane Doe", 101)));
    }

    @Test
    void unknownCustomerHasNothingToWithdraw() {
        assertEquals(new AtmReply(false, 0, "insufficient funds: balance 0, requested 50"),
                teller.handle(AtmRequest.withdraw("Anonymous", 50)));
    }

    @Test
    void depositAddsToTheBalance() {
        assertEquals(new AtmReply(true, 125, null), teller.handle(AtmRequest.deposit("Jane Doe", 25)));
    }

    @Test
    void depositThatWouldOverflowIsRefused() {
        Teller rich = new Teller(customer -> Long.MAX_VALUE - 1);
        assertEquals(new AtmReply(false, Long.MAX_VALUE - 1,
                        "deposit too large: balance " + (Long.MAX_VALUE - 1) + ", deposit 2"),
                rich.handle(AtmRequest.deposit("Jane Doe", 2)));
    }

    @Test
    void zeroOrNegativeAmountIsRefusedWithoutAskingTheBank() {
        assertEquals(AtmReply.failed("amount must be greater than 0, got 0"), teller.handle(AtmRequest.withdraw("Jane Doe", 0)));
        assertEquals(AtmReply.failed("amount must be greater than 0, got -5"), teller.handle(AtmRequest.deposit("Jane Doe", -5)));
        assertTrue(askedFor.isEmpty(), "the bank was asked about " + askedFor);
    }

    @Test
    void blankOrMissingCustomerIsRefusedWithoutAskingTheBank() {
        AtmReply expected = AtmReply.failed("missing customer: give the customer's name");
        assertEquals(expected, teller.handle(AtmRequest.withdraw("  ", 10)));
        assertEquals(expected, teller.handle(AtmRequest.withdraw("", 10)));
        assertEquals(expected, teller.handle(AtmRequest.deposit(null, 10)));
        assertTrue(askedFor.isEmpty(), "the bank was asked about " + askedFor);
    }

    @Test
    void unknownOrMissingActionIsRefusedWithoutAskingTheBank() {
        assertEquals(AtmReply.failed("unknown action \"steal\": expected \"withdraw\" or \"deposit\""),
                teller.handle(new AtmRequest("steal", "Jane Doe", 10)));
        assertEquals(AtmReply.failed("unknown action \"Withdraw\": expected \"withdraw\" or \"deposit\""),
                teller.handle(new AtmRequest("Withdraw", "Jane Doe", 10)));
        assertEquals(AtmReply.failed("missing action: expected \"withdraw\" or \"deposit\""),
                teller.handle(new AtmRequest(null, "Jane Doe", 10)));
        assertTrue(askedFor.isEmpty(), "the bank was asked about " + askedFor);
    }

    @Test
    void bankProblemBecomesAFailedReplyWithBalanceZero() {
        Teller unlucky = new Teller(customer -> {
            throw BankException.timedOut(1000);
        });
        assertEquals(AtmReply.failed("bank timed out after 1000 ms"), unlucky.handle(AtmRequest.withdraw("Jane Doe", 5)));
        Teller refused = new Teller(customer -> {
            throw BankException.unavailable("Connection refused", null);
        });
        assertEquals(AtmReply.failed("bank unavailable: Connection refused"), refused.handle(AtmRequest.deposit("Jane Doe", 5)));
    }

    @Test
    void factoriesFillTheAction() {
        assertEquals(new AtmRequest("withdraw", "Jane Doe", 50), AtmRequest.withdraw("Jane Doe", 50));
        assertEquals(new AtmRequest("deposit", "Jane Doe", 50), AtmRequest.deposit("Jane Doe", 50));
    }
}
