package dev.jig.fake;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Malformed input a fake rejected.
 *
 * @param connection which connection sent it (1 for the first accepted)
 * @param time       when it was detected
 * @param kind       what was wrong
 * @param detail     for people: sizes, a preview of the payload
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ProtocolError(int connection, Instant time, Kind kind, String detail) {

    /** What was wrong with the input. */
    public enum Kind {
        /** A frame longer than the fake's {@code maxFrameBytes}; the connection was closed. */
        FRAME_TOO_LARGE,
        /** The stream ended in the middle of a frame; the connection was closed. */
        TRUNCATED_FRAME,
        /** A custom framing rejected the bytes in another way; the connection was closed. */
        MALFORMED_FRAME,
        /**
         * A payload that is not well-formed for the codec, answered by no stub; the request is
         * also journaled as unmatched and the connection keeps being served.
         */
        UNDECODABLE
    }

    /** {@code "conn 2 FRAME_TOO_LARGE: frame announced …"}. */
    public String formatted() {
        return "conn " + connection + " " + kind + ": " + detail;
    }
}
