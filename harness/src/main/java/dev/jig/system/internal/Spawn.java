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
 * @param registry   the directory of the registry it is registered in (its processes' cookie names it)
 * @param port       the port it listens on when known before the start (fixed or free), else -1
 * @param bridge     whether a container runs on a bridge network with mapped ports rather than the host's
 * @param publishAt  on a bridge, the host port to publish {@code port} on: the previous run's, at a restart, so
 *                   that the system's address stays; -1 for any free one
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public record Spawn(String name, List<String> args, List<String> jvmArgs, Map<String, String> env, Path workingDir,
                    Map<String, String> labels, Path recording, Consumer<OutputLine> output, Path registry,
                    int port, boolean bridge, int publishAt) {

    /** The label with the {@code <pid>@<start>} of the JVM that started an instance, for reaping. */
    public static final String OWNER_LABEL = "dev.jig.owner";
    /**
     * The host token of that JVM (machine, boot, pid namespace). A label of its own rather than a part of the
     * owner label, so that the reapers of earlier Jig versions, which read {@code <pid>@<start>} there, still
     * read it right and do not take a running JVM's container for a leftover.
     */
    public static final String HOST_LABEL = "dev.jig.host";
    /** The label with the system's name, e.g. {@code "atm"}. */
    public static final String NAME_LABEL = "dev.jig.name";
}
