package dev.jig.process;

import java.util.List;
import org.apiguardian.api.API;

/** The operating system could not run the command: executable missing, not executable, bad directory. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ProcessLaunchException extends ProcessStartException {

    ProcessLaunchException(String processName, String message, Throwable cause) {
        super(processName, message, List.of(), cause);
    }
}
