package dev.jig.system;

import dev.jig.record.OutputLine;
import java.util.List;
import org.apiguardian.api.API;

/** The system exited while Jig waited for it to become ready. */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public class SystemExitedException extends SystemStartException {

    private final int exitCode;

    SystemExitedException(String systemName, int exitCode, String message, List<OutputLine> output) {
        super(systemName, message, output, null);
        this.exitCode = exitCode;
    }

    /** The code the system exited with. */
    public int exitCode() {
        return exitCode;
    }
}
