package dev.jig.wire;

import org.apiguardian.api.API;

/** A frame announced (or accumulated) more bytes than the reader's maximum frame size. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class FrameTooLargeException extends ProtocolException {

    private final long announcedBytes;
    private final int maxFrameBytes;

    public FrameTooLargeException(String message, long announcedBytes, int maxFrameBytes) {
        super(message);
        this.announcedBytes = announcedBytes;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** How many bytes the frame announced, or had accumulated when reading gave up. */
    public long announcedBytes() {
        return announcedBytes;
    }

    /** The maximum the reader accepts. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }
}
