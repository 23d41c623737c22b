package dev.jig.samples.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Length-prefixed frames: a 2-byte big-endian unsigned length, then that many payload bytes.
 *
 * <pre>{@code
 * Frames.write(out, "{\"customer\":\"Jane Doe\"}".getBytes(UTF_8));
 * byte[] reply = Frames.read(in);   // null when the peer closed between frames
 * }</pre>
 */
public final class Frames {

    /** The largest payload a 2-byte length can describe. */
    public static final int MAX_PAYLOAD = 0xFFFF;

    private Frames() {
    }

    /**
     * Reads one frame.
     *
     * @return the payload, or {@code null} if the stream ended cleanly before the first length byte
     * @throws EOFException if the stream ended inside a frame (broken framing)
     */
    public static byte[] read(InputStream in) throws IOException {
        int high = in.read();
        if (high < 0) {
            return null;
        }
        int low = in.read();
        if (low < 0) {
            throw new EOFException("connection closed inside a frame header: got 1 of 2 length bytes");
        }
        int length = (high << 8) | low;
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("connection closed inside a frame: expected " + length
                    + " payload bytes, got " + payload.length);
        }
        return payload;
    }

    /** Writes one frame and flushes, so the peer sees it now. */
    public static void write(OutputStream out, byte[] payload) throws IOException {
        out.write(encode(payload));
        out.flush();
    }

    /** The frame bytes (header and payload) for {@code payload}. */
    public static byte[] encode(byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length
                    + " bytes does not fit a 2-byte length (max " + MAX_PAYLOAD + ")");
        }
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >>> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        return frame;
    }
}
