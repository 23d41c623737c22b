package dev.jig.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/**
 * The client could not connect, e.g.
 * {@code "could not connect to atm at 127.0.0.1:1234: Connection refused"}; the cause is the
 * {@link java.net.ConnectException} (or other I/O failure).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ClientConnectException extends UncheckedIOException {

    public ClientConnectException(String message, IOException cause) {
        super(message, cause);
    }
}
