package dev.jig.service;

import dev.jig.system.SystemStartException;
import dev.jig.record.OutputLine;
import dev.jig.record.ProcessRecord;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A service started, but setting it up failed: the init SQL of a PostgreSQL template, a first command. Jig has
 * stopped it; the message carries the service's own error, and the exception the service's output.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public class ServiceInitException extends SystemStartException {

    /** For the services of this package; {@code stopped} is the record of the stopped service. */
    public ServiceInitException(String serviceName, String message, List<OutputLine> output, ProcessRecord stopped,
                                Throwable cause) {
        super(serviceName, message, output == null ? List.of() : output, cause);
        if (stopped != null) {
            attach(stopped);
        }
    }
}
