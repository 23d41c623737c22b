package dev.jig.record;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a process (or a container system) did during a test, as written to {@code results.json}.
 *
 * @param name            the name the user gave the system, e.g. {@code "atm"}
 * @param command         the command line, with secret-looking values written as {@code ***}
 * @param pid             the operating-system process id (of a container: its main process, as the host sees
 *                        it), or -1 if it never started or is not known
 * @param exitCode        the exit code, or {@code null} while running or if it never started
 * @param output          the last lines of output, formatted by {@link OutputLine#formatted()}
 * @param outputTruncated whether earlier lines were dropped from {@code output}
 * @param kind            {@value #PROCESS} or {@value #CONTAINER}; a missing value reads as a process
 * @param image           the container image (for a container system), else {@code null}
 * @param stoppedBy       for a process Jig stopped: {@code "tree"} (everything it started was in its process
 *                        tree), {@code "cookie"} (some were found only by their environment cookie: a daemon, a
 *                        {@code setsid} grandchild, a child forked during the stop) or {@code "cgroup"} (some only
 *                        in its cgroup: a child that cleared its environment); {@code null} while running and for
 *                        containers
 * @param ended           how it ended: {@value #STOPPED} (Jig stopped it), {@value #KILLED} (killed by a test, as a
 *                        crash), {@value #EXITED} (by itself); {@code null} while it runs
 * @param restarts        how many times a test restarted it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ProcessRecord(String name, List<String> command, long pid, Integer exitCode,
                            List<String> output, boolean outputTruncated, String kind, String image,
                            String stoppedBy, String ended, int restarts) {

    /** The kind of a system run as a subprocess. */
    public static final String PROCESS = "process";
    /** The kind of a system run in a container. */
    public static final String CONTAINER = "container";
    /** {@link #ended()} of a system Jig stopped (SIGTERM, then SIGKILL after the grace). */
    public static final String STOPPED = "stopped";
    /** {@link #ended()} of a system a test killed, as a crash would. */
    public static final String KILLED = "killed";
    /** {@link #ended()} of a system that exited by itself. */
    public static final String EXITED = "exited";

    public ProcessRecord {
        command = List.copyOf(Secrets.maskCommand(command));
        output = List.copyOf(Secrets.maskAll(output));
        kind = kind == null ? PROCESS : kind;
    }

    /** A record without {@code stoppedBy}, as before Jig said how it stopped a system. */
    public ProcessRecord(String name, List<String> command, long pid, Integer exitCode,
                         List<String> output, boolean outputTruncated, String kind, String image) {
        this(name, command, pid, exitCode, output, outputTruncated, kind, image, null);
    }

    /** The record of a subprocess (kind {@value #PROCESS}, no image), as before containers existed. */
    public ProcessRecord(String name, List<String> command, long pid, Integer exitCode,
                         List<String> output, boolean outputTruncated) {
        this(name, command, pid, exitCode, output, outputTruncated, PROCESS, null, null, null, 0);
    }

    /** A record without {@link #ended()} and restarts, as before systems could be controlled. */
    public ProcessRecord(String name, List<String> command, long pid, Integer exitCode,
                         List<String> output, boolean outputTruncated, String kind, String image, String stoppedBy) {
        this(name, command, pid, exitCode, output, outputTruncated, kind, image, stoppedBy, null, 0);
    }
}
