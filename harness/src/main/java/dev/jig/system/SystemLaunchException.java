package dev.jig.system;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The system could not be launched: executable missing or not executable, a bad working directory, no image, no
 * Docker engine, a container the engine refused to start. The message says what to do.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public class SystemLaunchException extends SystemStartException {

    SystemLaunchException(String systemName, String message, Throwable cause) {
        super(systemName, message, List.of(), cause);
    }
}
