package dev.jig.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apiguardian.api.API;

/**
 * Turns messages into frame payloads and back. Implement it for another format (protobuf, a
 * fixed binary layout); fakes match requests to stubs by trying to decode them as each stub's
 * type, so {@link #decode} should reject payloads that are not of the asked type.
 *
 * <pre>{@code
 * Codec codec = Codec.json();
 * byte[] payload = codec.encode(new BalanceQuery("Jane Doe"));   // {"customer":"Jane Doe"}
 * BalanceQuery query = codec.decode(payload, BalanceQuery.class);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Codec {

    /**
     * JSON by Jackson, strict so that matching by type is reliable: unknown properties, missing
     * constructor (record) properties and trailing tokens are errors.
     */
    static Codec json() {
        return JsonCodec.strict();
    }

    /** JSON with the caller's mapper, used as configured (its strictness is the caller's). */
    static Codec json(ObjectMapper mapper) {
        return new JsonCodec(mapper);
    }

    /** Payloads as they are; encodes and decodes only {@code byte[]}. */
    static Codec bytes() {
        return BytesCodec.INSTANCE;
    }

    /** UTF-8 text; encodes and decodes only {@code String}. Pairs with newline framing. */
    static Codec text() {
        return TextCodec.INSTANCE;
    }

    /**
     * Encodes a message.
     *
     * @throws CodecException if this codec cannot encode it
     */
    byte[] encode(Object message);

    /**
     * Decodes a payload as {@code type}.
     *
     * @throws CodecException naming the type and a preview of the payload if it does not decode
     */
    <T> T decode(byte[] payload, Class<T> type);

    /**
     * Whether the payload is well-formed in this format at all (valid JSON, valid UTF-8), whatever
     * type it might decode to. A fake records a payload that is not as a protocol error, and one
     * that is but matches no stub merely as unmatched. The default tries to decode it as
     * {@code Object}.
     */
    default boolean isWellFormed(byte[] payload) {
        try {
            decode(payload, Object.class);
            return true;
        } catch (CodecException e) {
            return false;
        }
    }

    /**
     * Describes a payload for journals and messages: UTF-8 text if printable, else hex, bounded
     * to about 200 characters with {@code "… (N bytes)"}.
     */
    default String describe(byte[] payload) {
        return Payloads.describe(payload);
    }
}
