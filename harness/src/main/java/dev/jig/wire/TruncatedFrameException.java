package dev.jig.wire;

import org.apiguardian.api.API;

/** The stream ended in the middle of a frame (inside its length prefix or its payload). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class TruncatedFrameException extends ProtocolException {

    public TruncatedFrameException(String message) {
        super(message);
    }
}
