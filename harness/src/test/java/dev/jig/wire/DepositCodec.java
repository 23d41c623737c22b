package dev.jig.wire;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;

/**
 * A hand-written binary codec, to show that Codec is pluggable: a deposit is a 4-byte amount
 * followed by the customer's name in UTF-8, behind a marker byte 0x44 ('D').
 */
public final class DepositCodec implements Codec {

    private static final byte MARKER = 0x44;

    @Override
    public byte[] encode(Object message) {
        if (!(message instanceof Deposit)) {
            throw new CodecException("DepositCodec encodes only Deposit, not " + message);
        }
        Deposit deposit = (Deposit) message;
        byte[] name = deposit.customer().getBytes(UTF_8);
        return ByteBuffer.allocate(5 + name.length).put(MARKER).putInt(deposit.amount()).put(name)
                .array();
    }

    @Override
    public <T> T decode(byte[] payload, Class<T> type) {
        if (type != Deposit.class && type != Object.class) {
            throw new CodecException("DepositCodec decodes only Deposit, not " + type.getSimpleName());
        }
        if (payload.length < 5 || payload[0] != MARKER) {
            throw new CodecException("not a deposit: " + describe(payload));
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload, 1, payload.length - 1);
        int amount = buffer.getInt();
        String customer = new String(payload, 5, payload.length - 5, UTF_8);
        return type.cast(new Deposit(customer, amount));
    }
}
