package dev.jig.wire;

import java.nio.charset.StandardCharsets;

/** UTF-8 text. */
final class TextCodec implements Codec {

    static final TextCodec INSTANCE = new TextCodec();

    private TextCodec() {
    }

    @Override
    public byte[] encode(Object message) {
        if (message instanceof String) {
            return ((String) message).getBytes(StandardCharsets.UTF_8);
        }
        throw new CodecException("the text codec encodes only String, not "
                + (message == null ? "null" : message.getClass().getName()));
    }

    @Override
    public <T> T decode(byte[] payload, Class<T> type) {
        if (type != String.class) {
            throw new CodecException("the text codec decodes only String, not "
                    + Payloads.typeName(type) + " (payload " + describe(payload) + ")");
        }
        return type.cast(Payloads.utf8(payload).orElseThrow(() -> new CodecException(
                "could not decode String from " + describe(payload) + ": it is not valid UTF-8")));
    }

    @Override
    public boolean isWellFormed(byte[] payload) {
        return Payloads.utf8(payload).isPresent();
    }

    @Override
    public String toString() {
        return "text";
    }
}
