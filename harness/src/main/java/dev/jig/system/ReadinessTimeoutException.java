package dev.jig.system;

import dev.jig.record.OutputLine;
import java.util.List;
import org.apiguardian.api.API;

/** The system kept running but its readiness condition was not met in time. */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public class ReadinessTimeoutException extends SystemStartException {

    ReadinessTimeoutException(String systemName, String message, List<OutputLine> output) {
        super(systemName, message, output, null);
    }
}
