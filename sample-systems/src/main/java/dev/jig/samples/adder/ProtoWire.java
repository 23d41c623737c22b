package dev.jig.samples.adder;

import java.io.ByteArrayOutputStream;

/**
 * Hand-written protobuf wire format for {@link AddRequest} and {@link AddReply}, no protobuf library.
 *
 * <pre>{@code
 * byte[] bytes = ProtoWire.encode(new AddRequest(3, -4));
 * AddRequest back = ProtoWire.decodeRequest(bytes);
 * }</pre>
 * Fields are {@code int64}: plain varints, negative numbers as 10-byte two's complement (no zig-zag).
 * As protobuf does, encoding leaves out fields equal to 0, decoding gives absent fields 0, the last
 * occurrence of a repeated field wins, and unknown fields of wire types 0, 1, 2 and 5 are skipped.
 */
public final class ProtoWire {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private ProtoWire() {
    }

    /** Encodes an {@code AddRequest}. */
    public static byte[] encode(AddRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt64Field(out, 1, request.a());
        writeInt64Field(out, 2, request.b());
        return out.toByteArray();
    }

    /** Encodes an {@code AddReply}. */
    public static byte[] encode(AddReply reply) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt64Field(out, 1, reply.sum());
        return out.toByteArray();
    }

    /** Decodes an {@code AddRequest}; throws {@link ProtoWireException} for malformed or truncated input. */
    public static AddRequest decodeRequest(byte[] payload) {
        long[] fields = decodeInt64Fields(payload, "AddRequest", "a", "b");
        return new AddRequest(fields[0], fields[1]);
    }

    /** Decodes an {@code AddReply}; throws {@link ProtoWireException} for malformed or truncated input. */
    public static AddReply decodeReply(byte[] payload) {
        return new AddReply(decodeInt64Fields(payload, "AddReply", "sum")[0]);
    }

    /** Reads a message whose known fields 1..n are all int64; {@code names[i]} is field i+1's name. */
    private static long[] decodeInt64Fields(byte[] payload, String message, String... names) {
        long[] values = new long[names.length];
        WireReader reader = new WireReader(payload, message);
        while (reader.hasMore()) {
            long tag = reader.readVarint();
            long fieldNumber = tag >>> 3;
            int wireType = (int) (tag & 7);
            if (fieldNumber == 0) {
                throw new ProtoWireException(message + ": invalid field number 0 at byte " + reader.lastTagOffset());
            }
            if (fieldNumber <= names.length) {
                if (wireType != VARINT) {
                    throw new ProtoWireException(message + "." + names[(int) fieldNumber - 1] + " (field " + fieldNumber
                            + ") has wire type " + wireType + ", expected 0 (varint)");
                }
                values[(int) fieldNumber - 1] = reader.readVarint();
            } else {
                reader.skip(wireType, fieldNumber);
            }
        }
        return values;
    }

    private static void writeInt64Field(ByteArrayOutputStream out, int fieldNumber, long value) {
        if (value != 0) {
            writeVarint(out, ((long) fieldNumber << 3) | VARINT);
            writeVarint(out, value);
        }
    }

    /** Writes {@code value} as an unsigned varint: negative int64 values take 10 bytes. */
    static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
