package dev.jig.samples.atm;

import dev.jig.samples.net.StrictProto;

/**
 * Turns frame payloads into {@link AtmRequest}s and {@link AtmReply}s into payloads: the protobuf messages
 * of {@code atm.proto}.
 *
 * <pre>{@code
 * AtmRequest request = AtmCodec.decodeRequest(payload);   // throws BadRequestException
 * byte[] bytes = AtmCodec.encodeReply(AtmMessages.ok(50));
 * }</pre>
 * Decoding is strict about shape (protobuf, only the fields of {@code AtmRequest}) but leaves the business
 * checks (no action, blank customer, amount &lt;= 0) to the {@link Teller}, so those get their own error
 * messages. Absent fields decode as protobuf's defaults (no action, "", 0).
 */
public final class AtmCodec {

    private AtmCodec() {
    }

    /** Decodes a request payload; the exception message is the reason, without the "bad request: " prefix. */
    public static AtmRequest decodeRequest(byte[] payload) throws BadRequestException {
        try {
            return StrictProto.parse(AtmRequest.getDefaultInstance(), payload);
        } catch (StrictProto.InvalidMessageException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** Encodes a reply. */
    public static byte[] encodeReply(AtmReply reply) {
        return reply.toByteArray();
    }

    /** The payload was read but is not a request; the message says why. */
    public static final class BadRequestException extends Exception {
        public BadRequestException(String message) {
            super(message);
        }
    }
}
