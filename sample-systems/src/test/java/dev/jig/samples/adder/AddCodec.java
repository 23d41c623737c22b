package dev.jig.samples.adder;

import dev.jig.wire.Codec;
import dev.jig.wire.CodecException;

/** Protobuf wire format for the adder's two messages, plugged into Jig as a {@link Codec}. */
final class AddCodec implements Codec {

    @Override
    public byte[] encode(Object message) {
        if (message instanceof AddRequest request) {
            return ProtoWire.encode(request);
        }
        if (message instanceof AddReply reply) {
            return ProtoWire.encode(reply);
        }
        throw new CodecException("AddCodec encodes AddRequest and AddReply, not "
                + message.getClass().getName());
    }

    @Override
    public <T> T decode(byte[] payload, Class<T> type) {
        try {
            if (type == AddReply.class) {
                return type.cast(ProtoWire.decodeReply(payload));
            }
            if (type == AddRequest.class) {
                return type.cast(ProtoWire.decodeRequest(payload));
            }
        } catch (RuntimeException e) {
            throw new CodecException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        throw new CodecException("AddCodec decodes AddRequest and AddReply, not " + type.getName());
    }
}
