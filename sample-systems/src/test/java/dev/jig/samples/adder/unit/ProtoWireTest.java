package dev.jig.samples.adder.unit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jig.samples.adder.AddReply;
import dev.jig.samples.adder.AddRequest;
import dev.jig.samples.adder.ProtoWire;
import dev.jig.samples.adder.ProtoWireException;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class ProtoWireTest {

    @Test
    void encodesLikeProtobuf() {
        assertArrayEquals(bytes(0x08, 0x03, 0x10, 0x04), ProtoWire.encode(new AddRequest(3, 4)));
        assertArrayEquals(bytes(0x08, 0xAC, 0x02), ProtoWire.encode(new AddReply(300)));
    }

    @Test
    void negativeNumbersAreTenByteTwosComplementVarints() {
        assertArrayEquals(bytes(0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01),
                ProtoWire.encode(new AddReply(-1)));
    }

    @Test
    void zeroFieldsAreLeftOutAndDecodeBackAsZero() {
        assertArrayEquals(new byte[0], ProtoWire.encode(new AddRequest(0, 0)));
        assertEquals(new AddRequest(0, 0), ProtoWire.decodeRequest(new byte[0]));
        assertEquals(new AddReply(0), ProtoWire.decodeReply(new byte[0]));
    }

    @Test
    void roundTripsIncludingNegativesAndExtremes() {
        long[] values = {0, 1, -1, 127, 128, -128, 300, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long a : values) {
            for (long b : values) {
                AddRequest request = new AddRequest(a, b);
                assertEquals(request, ProtoWire.decodeRequest(ProtoWire.encode(request)));
            }
            assertEquals(new AddReply(a), ProtoWire.decodeReply(ProtoWire.encode(new AddReply(a))));
        }
    }

    @Test
    void skipsUnknownFieldsOfEveryAcceptedWireType() {
        byte[] payload = concat(
                bytes(0x18, 0x96, 0x01),                   // field 3, varint 150
                bytes(0x08, 0x03),                         // a = 3
                bytes(0x21, 1, 2, 3, 4, 5, 6, 7, 8),       // field 4, fixed64
                bytes(0x2A, 0x02, 'h', 'i'),               // field 5, length-delimited "hi"
                bytes(0x10, 0x04),                         // b = 4
                bytes(0x35, 1, 2, 3, 4));                  // field 6, fixed32
        assertEquals(new AddRequest(3, 4), ProtoWire.decodeRequest(payload));
        assertEquals(new AddReply(3), ProtoWire.decodeReply(payload));  // field 2 is unknown to AddReply
    }

    @Test
    void lastOccurrenceOfAFieldWins() {
        assertEquals(new AddRequest(5, 0), ProtoWire.decodeRequest(bytes(0x08, 0x03, 0x08, 0x05)));
    }

    @Test
    void rejectsTruncatedInputSayingWhere() {
        assertMalformed(bytes(0x08), "AddRequest is truncated: varint starting at byte 1 (payload is 1 bytes)");
        assertMalformed(bytes(0x08, 0x80), "AddRequest is truncated: varint starting at byte 1 (payload is 2 bytes)");
        assertMalformed(bytes(0x2A, 0x05, 'h', 'i'), "AddRequest is truncated: field 5 declares 5 bytes but 2 remain (payload is 4 bytes)");
        assertMalformed(bytes(0x21, 1, 2, 3), "AddRequest is truncated: field 4 needs 8 bytes but 3 remain (payload is 4 bytes)");
        assertMalformed(bytes(0x35, 1), "AddRequest is truncated: field 6 needs 4 bytes but 1 remain (payload is 2 bytes)");
    }

    @Test
    void rejectsMalformedInput() {
        assertMalformed(bytes(0x0A, 0x01, 0x00), "AddRequest.a (field 1) has wire type 2, expected 0 (varint)");
        assertMalformed(bytes(0x1B), "AddRequest: field 3 has unsupported wire type 3 (only 0, 1, 2 and 5 are accepted)");
        assertMalformed(bytes(0x00, 0x01), "AddRequest: invalid field number 0 at byte 0");
        assertMalformed(bytes(0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01),
                "AddRequest: varint starting at byte 1 is longer than 10 bytes");
    }

    private static void assertMalformed(byte[] payload, String message) {
        ProtoWireException e = assertThrows(ProtoWireException.class, () -> ProtoWire.decodeRequest(payload));
        assertEquals(message, e.getMessage());
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
