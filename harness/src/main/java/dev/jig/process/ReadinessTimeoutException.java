package dev.jig.process;

import dev.jig.record.OutputLine;
import java.util.List;
import org.apiguardian.api.API;

/** The process kept running but its readiness condition was not met in time. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ReadinessTimeoutException extends ProcessStartException {

    ReadinessTimeoutException(String processName, String message, List<OutputLine> output) {
        super(processName, message, output, null);
    }
}
