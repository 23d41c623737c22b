package dev.jig.record;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a process did during a test, as written to {@code results.json}.
 *
 * @param name            the name the user gave the system, e.g. {@code "atm"}
 * @param command         the command line, with secret-looking values written as {@code ***}
 * @param pid             the operating-system process id, or -1 if it never started
 * @param exitCode        the exit code, or {@code null} while running or if it never started
 * @param output          the last lines of output, formatted by {@link OutputLine#formatted()}
 * @param outputTruncated whether earlier lines were dropped from {@code output}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ProcessRecord(String name, List<String> command, long pid, Integer exitCode,
                            List<String> output, boolean outputTruncated) {
    public ProcessRecord {
        command = List.copyOf(command);
        output = List.copyOf(output);
    }
}
