package dev.jig.samples.atm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.samples.net.StrictJson;
import java.util.Iterator;
import java.util.Set;

/**
 * Turns frame payloads into {@link AtmRequest}s and {@link AtmReply}s into payloads.
 *
 * <pre>{@code
 * AtmRequest request = AtmCodec.decodeRequest(payload);   // throws BadRequestException
 * byte[] bytes = AtmCodec.encodeReply(AtmReply.ok(50));
 * }</pre>
 * Decoding is strict about shape (a JSON object, known fields, a string action and customer, an
 * integer amount) but leaves the business checks (blank customer, amount &lt;= 0) to the {@link Teller},
 * so those get their own error messages. Absent fields decode as null / 0.
 */
public final class AtmCodec {

    private static final Set<String> FIELDS = Set.of("action", "customer", "amount");

    private AtmCodec() {
    }

    /** Decodes a request payload; the exception message is the reason, without the "bad request: " prefix. */
    public static AtmRequest decodeRequest(byte[] payload) throws BadRequestException {
        ObjectNode object;
        try {
            object = StrictJson.parseObject(payload);
        } catch (StrictJson.InvalidJsonException e) {
            throw new BadRequestException(e.getMessage());
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadRequestException("unknown field \"" + name + "\": expected action, customer and amount");
            }
        }
        return new AtmRequest(text(object, "action"), text(object, "customer"), amount(object));
    }

    /** Encodes a reply; all three fields are always present ({@code error} as null on success). */
    public static byte[] encodeReply(AtmReply reply) {
        return StrictJson.write(reply);
    }

    private static String text(ObjectNode object, String field) throws BadRequestException {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new BadRequestException("\"" + field + "\" must be a string, got " + StrictJson.abbreviate(node.toString()));
        }
        return node.textValue();
    }

    private static long amount(ObjectNode object) throws BadRequestException {
        JsonNode node = object.get("amount");
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new BadRequestException("\"amount\" must be a whole number that fits 64 bits, got "
                    + StrictJson.abbreviate(node.toString()));
        }
        return node.longValue();
    }

    /** The payload was read but is not a request; the message says why. */
    public static final class BadRequestException extends Exception {
        public BadRequestException(String message) {
            super(message);
        }
    }
}
