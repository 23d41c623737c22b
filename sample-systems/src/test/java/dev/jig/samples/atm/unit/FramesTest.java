package dev.jig.samples.atm.unit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jig.samples.net.Frames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void writesABigEndianLengthThenThePayload() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frames.write(out, new byte[300]);
        assertEquals(302, out.size());
        assertEquals(1, out.toByteArray()[0]);
        assertEquals(44, out.toByteArray()[1]);
    }

    @Test
    void readsFramesBackToBackThenNullAtACleanEnd() throws Exception {
        byte[] stream = {0, 2, 'h', 'i', 0, 0, 0, 1, '!'};
        ByteArrayInputStream in = new ByteArrayInputStream(stream);
        assertArrayEquals(new byte[] {'h', 'i'}, Frames.read(in));
        assertArrayEquals(new byte[0], Frames.read(in));
        assertArrayEquals(new byte[] {'!'}, Frames.read(in));
        assertNull(Frames.read(in));
    }

    @Test
    void lengthsAboveSignedShortRangeAreUnsigned() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frames.write(out, new byte[Frames.MAX_PAYLOAD]);
        assertEquals(Frames.MAX_PAYLOAD, Frames.read(new ByteArrayInputStream(out.toByteArray())).length);
    }

    @Test
    void endInsideAFrameIsBrokenFraming() {
        EOFException header = assertThrows(EOFException.class, () -> Frames.read(new ByteArrayInputStream(new byte[] {0})));
        assertEquals("connection closed inside a frame header: got 1 of 2 length bytes", header.getMessage());
        EOFException body = assertThrows(EOFException.class,
                () -> Frames.read(new ByteArrayInputStream(new byte[] {0, 16, 'a', 'b', 'c'})));
        assertEquals("connection closed inside a frame: expected 16 payload bytes, got 3", body.getMessage());
    }

    @Test
    void payloadTooLargeForTwoBytesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Frames.encode(new byte[Frames.MAX_PAYLOAD + 1]));
        assertEquals("payload of 65536 bytes does not fit a 2-byte length (max 65535)", e.getMessage());
    }
}
