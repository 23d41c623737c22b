package dev.jig.samples.bench;

import dev.jig.samples.atm.AtmCodec;
import dev.jig.samples.atm.AtmMessages;
import dev.jig.samples.atm.AtmRequest;
import dev.jig.samples.bank.Balance;
import dev.jig.samples.bank.BalanceQuery;
import dev.jig.samples.bank.BankMessages;
import dev.jig.wire.Codec;

/**
 * The codec operations the sample benchmarks measure, in one place so that the fixture and JMH measure
 * exactly the same code.
 */
public final class CodecWork {

    static final byte[] REQUEST = AtmMessages.withdraw("Jane Doe", 50).toByteArray();
    static final Codec BANK = Codec.protobuf(BalanceQuery.class, Balance.class);
    static final byte[] BALANCE = BANK.encode(BankMessages.balance(100));

    private CodecWork() {
    }

    /** Decodes an ATM request and encodes the reply: the ATM's codec work for one withdrawal (protobuf). */
    public static byte[] atmRoundTrip() throws AtmCodec.BadRequestException {
        AtmRequest request = AtmCodec.decodeRequest(REQUEST);
        return AtmCodec.encodeReply(AtmMessages.ok(100 - request.getAmount()));
    }

    /** Encodes a bank query, as the ATM does. */
    public static byte[] encodeBalanceQuery() {
        return BANK.encode(BankMessages.query("Jane Doe"));
    }

    /**
     * Decodes a batch of bank replies, long enough (about 1 µs) for the CPU timer and the baseline check that
     * a slowdown is told from noise ({@code AtmBaselineTest}).
     */
    public static long decodeBalances() {
        long sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += decodeBalance().getBalance();
        }
        return sum;
    }

    /** Decodes a bank reply (through Jig's protobuf codec: strict, so a little more work than the ATM's). */
    public static Balance decodeBalance() {
        return BANK.decode(BALANCE, Balance.class);
    }
}
