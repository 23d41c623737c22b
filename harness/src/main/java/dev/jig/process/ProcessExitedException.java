package dev.jig.process;

import dev.jig.record.OutputLine;
import java.util.List;
import org.apiguardian.api.API;

/** The process exited while Jig waited for it to become ready. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ProcessExitedException extends ProcessStartException {

    private final int exitCode;

    ProcessExitedException(String processName, int exitCode, String message, List<OutputLine> output) {
        super(processName, message, output, null);
        this.exitCode = exitCode;
    }

    /** The code the process exited with. */
    public int exitCode() {
        return exitCode;
    }
}
