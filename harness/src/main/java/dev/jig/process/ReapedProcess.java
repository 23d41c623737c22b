package dev.jig.process;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A process that an earlier run left behind and {@link ProcessRegistry#reapLeftovers()} stopped.
 *
 * @param name    the name it was started under, e.g. {@code "atm"}
 * @param pid     its process id
 * @param command its command line, secrets masked
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ReapedProcess(String name, long pid, List<String> command) {
    public ReapedProcess {
        command = List.copyOf(command);
    }
}
