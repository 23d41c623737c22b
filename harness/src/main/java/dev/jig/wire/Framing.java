package dev.jig.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apiguardian.api.API;

/**
 * Cuts a byte stream into frames and writes frames back. Implement it for a custom wire format.
 *
 * <pre>{@code
 * Framing framing = Framing.lengthPrefixed(2);      // 2-byte big-endian length, then the payload
 * framing.writeFrame(out, "{\"customer\":\"Jane Doe\"}".getBytes(UTF_8));
 * out.flush();
 * byte[] reply = framing.readFrame(in, 1 << 20);   // null when the peer closed cleanly
 * }</pre>
 *
 * <p>Implementations must be stateless (one instance serves many connections at once) and must
 * never allocate a length the peer announced before the bytes have actually arrived.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Framing {

    /**
     * Frames preceded by their length as an unsigned big-endian integer of 1, 2 or 4 bytes.
     *
     * @throws IllegalArgumentException for any other prefix size
     */
    static Framing lengthPrefixed(int lengthBytes) {
        return new LengthPrefixedFraming(lengthBytes);
    }

    /** Frames terminated by {@code '\n'}; a {@code '\r'} just before it is stripped. */
    static Framing newlineDelimited() {
        return NewlineFraming.INSTANCE;
    }

    /**
     * Reads one frame's payload.
     *
     * @param maxFrameBytes the largest payload to accept
     * @return the payload, or {@code null} if the stream ended cleanly between frames
     * @throws FrameTooLargeException   if the frame is longer than {@code maxFrameBytes}
     * @throws TruncatedFrameException  if the stream ended in the middle of a frame
     * @throws IOException              if reading fails
     */
    byte[] readFrame(InputStream in, int maxFrameBytes) throws IOException;

    /**
     * Writes one frame. The caller flushes.
     *
     * @throws IllegalArgumentException if this framing cannot carry the payload (too long for the
     *                                  prefix, or containing the delimiter)
     */
    void writeFrame(OutputStream out, byte[] payload) throws IOException;

    /** For messages: e.g. {@code "length-prefixed (2 bytes, big-endian)"}. */
    String describe();
}
