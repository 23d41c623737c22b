package dev.jig.client;

import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * No reply arrived in time. Completes the request's future, e.g.
 * {@code "no reply from atm within 5 s to request #3 {…}; 0 replies pending after it"}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ReplyTimeoutException extends TimeoutException {

    public ReplyTimeoutException(String message) {
        super(message);
    }
}
