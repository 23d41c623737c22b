package dev.jig.system.internal;

import dev.jig.record.OutputLine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Everything a backend needs to start one instance, with every value already resolved. Not for users.
 *
 * @param name       the name the user gave, e.g. {@code "atm"}
 * @param args       the arguments, after suppliers and the free port were resolved
 * @param jvmArgs    JVM options (Java main classes only)
 * @param env        variables to set; a null value means "not set" (removed from an inherited environment)
 * @param workingDir the directory to run in, or null for the default
 * @param labels     what identifies the owner of the instance, for reaping (container labels)
 * @param recording  a flight recording file to write (profiled Java main classes), or null
 * @param output     where each line of stdout and stderr goes
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public record Spawn(String name, List<String> args, List<String> jvmArgs, Map<String, String> env, Path workingDir,
                    Map<String, String> labels, Path recording, Consumer<OutputLine> output) {
}
