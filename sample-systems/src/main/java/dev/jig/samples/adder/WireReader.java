package dev.jig.samples.adder;

/**
 * A cursor over protobuf wire-format bytes that refuses to read past the end.
 *
 * <pre>{@code
 * WireReader reader = new WireReader(bytes, "AddRequest");
 * long tag = reader.readVarint();
 * }</pre>
 */
final class WireReader {

    private final byte[] bytes;
    private final String message;
    private int position;
    private int lastTagOffset;

    WireReader(byte[] bytes, String message) {
        this.bytes = bytes;
        this.message = message;
    }

    boolean hasMore() {
        lastTagOffset = position;
        return position < bytes.length;
    }

    int lastTagOffset() {
        return lastTagOffset;
    }

    /** Reads a varint of at most 10 bytes. */
    long readVarint() {
        int start = position;
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= bytes.length) {
                throw truncated("varint starting at byte " + start);
            }
            byte b = bytes[position++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new ProtoWireException(message + ": varint starting at byte " + start + " is longer than 10 bytes");
    }

    /** Skips the value of an unknown field. */
    void skip(int wireType, long fieldNumber) {
        switch (wireType) {
            case ProtoWire.VARINT -> readVarint();
            case ProtoWire.FIXED64 -> advance(8, fieldNumber);
            case ProtoWire.LENGTH_DELIMITED -> {
                long length = readVarint();
                if (length < 0 || length > bytes.length - position) {
                    throw truncated("field " + fieldNumber + " declares " + length + " bytes but "
                            + (bytes.length - position) + " remain");
                }
                position += (int) length;
            }
            case ProtoWire.FIXED32 -> advance(4, fieldNumber);
            default -> throw new ProtoWireException(message + ": field " + fieldNumber + " has unsupported wire type "
                    + wireType + " (only 0, 1, 2 and 5 are accepted)");
        }
    }

    private void advance(int count, long fieldNumber) {
        if (bytes.length - position < count) {
            throw truncated("field " + fieldNumber + " needs " + count + " bytes but "
                    + (bytes.length - position) + " remain");
        }
        position += count;
    }

    private ProtoWireException truncated(String what) {
        return new ProtoWireException(message + " is truncated: " + what + " (payload is " + bytes.length + " bytes)");
    }
}
