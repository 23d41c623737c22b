package dev.jig.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FramingTest {

    private static final int MAX = 1 << 20;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void lengthPrefixedRoundTripsSeveralFrames(int lengthBytes) throws IOException {
        Framing framing = Framing.lengthPrefixed(lengthBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        framing.writeFrame(out, "hello".getBytes(UTF_8));
        framing.writeFrame(out, new byte[0]);
        framing.writeFrame(out, new byte[255]);

        InputStream in = new ByteArrayInputStream(out.toByteArray());
        assertArrayEquals("hello".getBytes(UTF_8), framing.readFrame(in, MAX));
        assertArrayEquals(new byte[0], framing.readFrame(in, MAX));
        assertArrayEquals(new byte[255], framing.readFrame(in, MAX));
        assertNull(framing.readFrame(in, MAX), "clean EOF between frames");
    }

    @Test
    void twoBytePrefixIsUnsignedBigEndian() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Framing.lengthPrefixed(2).writeFrame(out, new byte[0xABCD]);
        byte[] written = out.toByteArray();
        assertEquals(0xAB, written[0] & 0xFF);
        assertEquals(0xCD, written[1] & 0xFF);
        InputStream in = new ByteArrayInputStream(written);
        assertEquals(0xABCD, Framing.lengthPrefixed(2).readFrame(in, MAX).length);
    }

    @Test
    void otherPrefixSizesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Framing.lengthPrefixed(3));
        assertEquals("a length prefix has 1, 2 or 4 bytes, not 3", e.getMessage());
    }

    @Test
    void payloadTooLongForPrefixIsRejectedOnWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Framing.lengthPrefixed(1).writeFrame(new ByteArrayOutputStream(), new byte[256]));
        assertEquals("a payload of 256 bytes does not fit a 1-byte length prefix (at most 255)",
                e.getMessage());
    }

    @Test
    void hugeAnnouncedLengthFailsBeforeAnyAllocation() {
        // 0x7FFFFFF0 announced, 3 bytes behind it: must not try to allocate 2 GB.
        byte[] wire = {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, 1, 2, 3};
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> Framing.lengthPrefixed(4).readFrame(new ByteArrayInputStream(wire), MAX));
        assertEquals(0x7FFFFFF0L, e.announcedBytes());
        assertEquals(MAX, e.maxFrameBytes());
        assertEquals("frame announced 2147483632 bytes, more than the maximum of 1048576 bytes; "
                + "if such frames are expected, raise maxFrameBytes (on the fake server spec or "
                + "the client builder)", e.getMessage());
    }

    @Test
    void announcedLengthWithinAHugeMaxIsReadIncrementally() {
        byte[] wire = {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, 1, 2, 3};
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class,
                () -> Framing.lengthPrefixed(4).readFrame(new ByteArrayInputStream(wire),
                        Integer.MAX_VALUE));
        assertEquals("the stream ended inside a frame: expected 2147483632 bytes of payload, got 3",
                e.getMessage());
    }

    @Test
    void eofInsideThePrefixIsTruncated() {
        byte[] wire = {0x00};
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class,
                () -> Framing.lengthPrefixed(2).readFrame(new ByteArrayInputStream(wire), MAX));
        assertEquals("the stream ended inside a length prefix: expected 2 bytes, got 1",
                e.getMessage());
    }

    @Test
    void eofInsideThePayloadIsTruncated() {
        byte[] wire = {0x00, 0x05, 'a', 'b'};
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class,
                () -> Framing.lengthPrefixed(2).readFrame(new ByteArrayInputStream(wire), MAX));
        assertEquals("the stream ended inside a frame: expected 5 bytes of payload, got 2",
                e.getMessage());
    }

    @Test
    void describeNamesPrefixSize() {
        assertEquals("length-prefixed (2 bytes, big-endian)", Framing.lengthPrefixed(2).describe());
        assertEquals("length-prefixed (1 byte, big-endian)", Framing.lengthPrefixed(1).describe());
        assertEquals("newline-delimited", Framing.newlineDelimited().describe());
    }

    @Test
    void newlineDelimitedRoundTripsAndStripsCarriageReturn() throws IOException {
        Framing framing = Framing.newlineDelimited();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        framing.writeFrame(out, "one".getBytes(UTF_8));
        out.write("two\r\n\n".getBytes(UTF_8));
        InputStream in = new ByteArrayInputStream(out.toByteArray());
        assertEquals("one", new String(framing.readFrame(in, MAX), UTF_8));
        assertEquals("two", new String(framing.readFrame(in, MAX), UTF_8));
        assertEquals("", new String(framing.readFrame(in, MAX), UTF_8));
        assertNull(framing.readFrame(in, MAX));
    }

    @Test
    void newlineDelimitedRejectsPayloadWithNewline() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Framing.newlineDelimited().writeFrame(new ByteArrayOutputStream(),
                        "a\nb".getBytes(UTF_8)));
        assertEquals("the payload contains '\\n' at index 1, which newline-delimited framing "
                + "cannot carry", e.getMessage());
    }

    @Test
    void newlineDelimitedLineBeyondMaxIsTooLarge() {
        byte[] wire = "abcdefgh\n".getBytes(UTF_8);
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> Framing.newlineDelimited().readFrame(new ByteArrayInputStream(wire), 4));
        assertEquals(4, e.maxFrameBytes());
    }

    @Test
    void newlineDelimitedLineAtMaxWithCrLfFits() throws IOException {
        byte[] wire = "abcd\r\n".getBytes(UTF_8);
        assertEquals("abcd", new String(Framing.newlineDelimited()
                .readFrame(new ByteArrayInputStream(wire), 4), UTF_8));
    }

    @Test
    void newlineDelimitedEofWithoutNewlineIsTruncated() {
        byte[] wire = "abc".getBytes(UTF_8);
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class,
                () -> Framing.newlineDelimited().readFrame(new ByteArrayInputStream(wire), MAX));
        assertEquals("the stream ended inside a line: got 3 bytes but no terminating '\\n'",
                e.getMessage());
    }
}
