package dev.jig.client;

import org.apiguardian.api.API;

/** The client was closed: pending requests fail with it, and so does anything sent after. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ClientClosedException extends IllegalStateException {

    public ClientClosedException(String message) {
        super(message);
    }
}
