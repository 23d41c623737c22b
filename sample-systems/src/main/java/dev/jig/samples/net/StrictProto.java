package dev.jig.samples.net;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import java.util.Map;

/**
 * Protobuf that rejects what the schema does not know: a payload that is not protobuf, or that carries a
 * field the message does not declare (or declares with another wire type), is an error, not a message
 * with unknown fields.
 *
 * <pre>{@code
 * BalanceQuery query = StrictProto.parse(BalanceQuery.getDefaultInstance(), payload);
 * }</pre>
 */
public final class StrictProto {

    private StrictProto() {
    }

    /** Parses {@code payload} as a message of {@code prototype}'s type. */
    @SuppressWarnings("unchecked") // a message's parser parses messages of its own type
    public static <T extends Message> T parse(T prototype, byte[] payload) throws InvalidMessageException {
        String type = prototype.getDescriptorForType().getName();
        T message;
        try {
            message = (T) prototype.getParserForType().parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidMessageException("not a valid " + type + ": " + e.getMessage());
        }
        Map<Integer, UnknownFieldSet.Field> unknown = message.getUnknownFields().asMap();
        if (!unknown.isEmpty()) {
            throw new InvalidMessageException("unknown field " + unknown.keySet().iterator().next() + " in " + type
                    + ": expected " + fieldsOf(prototype));
        }
        return message;
    }

    private static String fieldsOf(Message prototype) {
        StringBuilder fields = new StringBuilder();
        prototype.getDescriptorForType().getFields().forEach(f ->
                fields.append(fields.length() == 0 ? "" : ", ").append(f.getName()).append(" = ").append(f.getNumber()));
        return fields.toString();
    }

    /** The payload was not a message of the expected type; the message says why. */
    public static final class InvalidMessageException extends Exception {
        public InvalidMessageException(String message) {
            super(message);
        }
    }
}
