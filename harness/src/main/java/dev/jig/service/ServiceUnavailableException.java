package dev.jig.service;

import dev.jig.system.SystemStartException;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A service could not be started because nothing here can run it: no local binaries where Jig looked, and no
 * container (no Docker, no Testcontainers, or the image could not be had). The message says what was looked
 * for, where, and what to install.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public class ServiceUnavailableException extends SystemStartException {

    /** For the services of this package. */
    public ServiceUnavailableException(String serviceName, String message, Throwable cause) {
        super(serviceName, message, List.of(), cause);
    }
}
