package dev.jig.container;

import dev.jig.process.ProcessStartException;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A container system could not be created or started: no Testcontainers on the class path, no Docker
 * engine, a missing image, a refused start. Readiness failures are the same as for processes
 * ({@link dev.jig.process.ProcessExitedException}, {@link dev.jig.process.ReadinessTimeoutException}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public class ContainerStartException extends ProcessStartException {

    ContainerStartException(String name, String message, Throwable cause) {
        super(name, message, List.of(), cause);
    }
}
