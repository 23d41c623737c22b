package dev.jig.samples.bench;

import dev.jig.samples.atm.AtmCodec;
import dev.jig.samples.atm.AtmReply;
import dev.jig.samples.atm.AtmRequest;
import dev.jig.samples.bank.Balance;
import dev.jig.samples.bank.BalanceQuery;
import dev.jig.wire.Codec;
import java.nio.charset.StandardCharsets;

/**
 * The codec operations the sample benchmarks measure, in one place so that the fixture and JMH measure
 * exactly the same code.
 */
public final class CodecWork {

    static final byte[] REQUEST = "{\"action\":\"withdraw\",\"customer\":\"Jane Doe\",\"amount\":50}"
            .getBytes(StandardCharsets.UTF_8);
    static final Codec BANK = Codec.json();
    static final byte[] BALANCE = BANK.encode(new Balance(100));

    private CodecWork() {
    }

    /** Decodes an ATM request and encodes the reply: the ATM's codec work for one withdrawal (≥ 1 µs). */
    public static byte[] atmRoundTrip() throws AtmCodec.BadRequestException {
        AtmRequest request = AtmCodec.decodeRequest(REQUEST);
        return AtmCodec.encodeReply(new AtmReply(true, 100 - request.amount(), null));
    }

    /** Encodes a bank query, as the ATM does. */
    public static byte[] encodeBalanceQuery() {
        return BANK.encode(new BalanceQuery("Jane Doe"));
    }

    /** Decodes a bank reply, as the ATM does. */
    public static Balance decodeBalance() {
        return BANK.decode(BALANCE, Balance.class);
    }
}
