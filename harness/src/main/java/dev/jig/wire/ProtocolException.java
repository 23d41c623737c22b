package dev.jig.wire;

import java.io.IOException;
import org.apiguardian.api.API;

/**
 * The peer sent bytes that do not form a valid frame. The stream can no longer be trusted to be
 * at a frame boundary, so whoever reads it should close the connection.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ProtocolException extends IOException {

    public ProtocolException(String message) {
        super(message);
    }
}
