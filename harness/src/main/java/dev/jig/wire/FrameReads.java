package dev.jig.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reading helpers shared by the built-in framings. */
final class FrameReads {

    private static final int CHUNK = 8192;

    private FrameReads() {
    }

    /**
     * Reads exactly {@code length} bytes, growing the buffer only as bytes arrive, so that a peer
     * announcing gigabytes and sending three bytes costs three bytes of memory.
     */
    static byte[] readPayload(InputStream in, long length) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream((int) Math.min(length, CHUNK));
        byte[] chunk = new byte[(int) Math.min(length, CHUNK)];
        long remaining = length;
        while (remaining > 0) {
            int n = in.read(chunk, 0, (int) Math.min(remaining, chunk.length));
            if (n < 0) {
                throw new TruncatedFrameException("the stream ended inside a frame: expected "
                        + length + " bytes of payload, got " + (length - remaining));
            }
            payload.write(chunk, 0, n);
            remaining -= n;
        }
        return payload.toByteArray();
    }

    static String bytes(long n) {
        return n == 1 ? "1 byte" : n + " bytes";
    }

    static String tooLargeAdvice() {
        return "; if such frames are expected, raise maxFrameBytes (on the fake server spec or "
                + "the client builder)";
    }
}
