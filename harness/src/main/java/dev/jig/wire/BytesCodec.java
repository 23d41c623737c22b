package dev.jig.wire;

/** Payloads as they are. */
final class BytesCodec implements Codec {

    static final BytesCodec INSTANCE = new BytesCodec();

    private BytesCodec() {
    }

    @Override
    public byte[] encode(Object message) {
        if (message instanceof byte[]) {
            return ((byte[]) message).clone();
        }
        throw new CodecException("the bytes codec encodes only byte[], not "
                + (message == null ? "null" : message.getClass().getName()));
    }

    @Override
    public <T> T decode(byte[] payload, Class<T> type) {
        if (type != byte[].class) {
            throw new CodecException("the bytes codec decodes only byte[], not "
                    + Payloads.typeName(type) + " (payload " + describe(payload) + ")");
        }
        return type.cast(payload.clone());
    }

    @Override
    public boolean isWellFormed(byte[] payload) {
        return true;
    }

    @Override
    public String toString() {
        return "bytes";
    }
}
