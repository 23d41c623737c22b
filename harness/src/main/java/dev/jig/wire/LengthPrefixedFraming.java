package dev.jig.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Frames preceded by an unsigned big-endian length of 1, 2 or 4 bytes. */
final class LengthPrefixedFraming implements Framing {

    private final int lengthBytes;
    private final long maxLength;

    LengthPrefixedFraming(int lengthBytes) {
        if (lengthBytes != 1 && lengthBytes != 2 && lengthBytes != 4) {
            throw new IllegalArgumentException("a length prefix has 1, 2 or 4 bytes, not "
                    + lengthBytes);
        }
        this.lengthBytes = lengthBytes;
        this.maxLength = (1L << (8 * lengthBytes)) - 1;
    }

    @Override
    public byte[] readFrame(InputStream in, int maxFrameBytes) throws IOException {
        long length = 0;
        for (int i = 0; i < lengthBytes; i++) {
            int b = in.read();
            if (b < 0) {
                if (i == 0) {
                    return null;
                }
                throw new TruncatedFrameException("the stream ended inside a length prefix: "
                        + "expected " + FrameReads.bytes(lengthBytes) + ", got " + i);
            }
            length = (length << 8) | b;
        }
        if (length > maxFrameBytes) {
            throw new FrameTooLargeException("frame announced " + FrameReads.bytes(length)
                    + ", more than the maximum of " + FrameReads.bytes(maxFrameBytes)
                    + FrameReads.tooLargeAdvice(), length, maxFrameBytes);
        }
        return FrameReads.readPayload(in, length);
    }

    @Override
    public void writeFrame(OutputStream out, byte[] payload) throws IOException {
        if (payload.length > maxLength) {
            throw new IllegalArgumentException("a payload of " + FrameReads.bytes(payload.length)
                    + " does not fit a " + lengthBytes + "-byte length prefix (at most "
                    + maxLength + ")");
        }
        byte[] frame = new byte[lengthBytes + payload.length];
        for (int i = 0; i < lengthBytes; i++) {
            frame[i] = (byte) (payload.length >>> (8 * (lengthBytes - 1 - i)));
        }
        System.arraycopy(payload, 0, frame, lengthBytes, payload.length);
        // One write, so that a frame usually travels in one packet.
        out.write(frame);
    }

    @Override
    public String describe() {
        return "length-prefixed (" + FrameReads.bytes(lengthBytes) + ", big-endian)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
