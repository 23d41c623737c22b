package dev.jig.client;

import java.io.IOException;
import org.apiguardian.api.API;

/**
 * The system closed the connection (or sent bytes that broke it) while requests were waiting
 * for replies, e.g. {@code "atm closed the connection with 2 requests unanswered"}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ConnectionClosedException extends IOException {

    public ConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
