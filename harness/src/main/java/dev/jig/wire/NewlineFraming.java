package dev.jig.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Frames terminated by {@code '\n'}, with an optional {@code '\r'} before it. */
final class NewlineFraming implements Framing {

    static final NewlineFraming INSTANCE = new NewlineFraming();

    private NewlineFraming() {
    }

    @Override
    public byte[] readFrame(InputStream in, int maxFrameBytes) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new TruncatedFrameException("the stream ended inside a line: got "
                        + FrameReads.bytes(line.size()) + " but no terminating '\\n'");
            }
            if (b == '\n') {
                return stripCarriageReturn(line.toByteArray());
            }
            // The '\r' of a "\r\n" ending does not count towards the limit.
            if (line.size() >= maxFrameBytes + 1 || (line.size() == maxFrameBytes && b != '\r')) {
                throw new FrameTooLargeException("line exceeded the maximum of "
                        + FrameReads.bytes(maxFrameBytes) + " without a '\\n'"
                        + FrameReads.tooLargeAdvice(), line.size() + 1L, maxFrameBytes);
            }
            line.write(b);
        }
    }

    private static byte[] stripCarriageReturn(byte[] line) {
        if (line.length > 0 && line[line.length - 1] == '\r') {
            return java.util.Arrays.copyOf(line, line.length - 1);
        }
        return line;
    }

    @Override
    public void writeFrame(OutputStream out, byte[] payload) throws IOException {
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == '\n') {
                throw new IllegalArgumentException("the payload contains '\\n' at index " + i
                        + ", which newline-delimited framing cannot carry");
            }
        }
        byte[] frame = java.util.Arrays.copyOf(payload, payload.length + 1);
        frame[payload.length] = '\n';
        out.write(frame);
    }

    @Override
    public String describe() {
        return "newline-delimited";
    }

    @Override
    public String toString() {
        return describe();
    }
}
