package dev.jig.wire;

import org.apiguardian.api.API;

/** A {@link Codec} could not encode a message or decode a payload; the message says which. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class CodecException extends RuntimeException {

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
