package dev.jig.junit;

import org.apiguardian.api.API;

/** A test class declares Jig resources in a way that cannot work; the message says how to fix it. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class JigConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JigConfigurationException(String message) {
        super(message);
    }
}
