package dev.jig.system.internal;

import dev.jig.system.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/** One spawned instance of a system, as a backend runs it. Thread-safe. Not for users. */
@API(status = API.Status.INTERNAL, since = "0.3")
public interface Instance {

    /** What the registry keeps to find it again: {@code "<pid>@<start>"} or a container id. */
    String registryId();

    /** How messages name it, e.g. {@code "pid 4242"} or {@code "container 3f2a1b0c9d8e of image jig/atm:1"}. */
    String identity();

    /** The process id as this host sees it (a container's main process), or -1. */
    long pid();

    /** The command as run (of a container: what was passed to the image), unmasked. */
    List<String> command();

    /** The id of a container, else null. */
    default String containerId() {
        return null;
    }

    /** The image of a container, else null. */
    default String image() {
        return null;
    }

    /** The host the test connects to. */
    String host();

    /** The port the test connects to for a port the system listens on. */
    default int hostPort(int systemPort) {
        return systemPort;
    }

    /**
     * Whether something listens on {@code systemPort} inside it, where only it can tell (a container on a bridge,
     * whose published port accepts before the system listens); empty where a connection to its host port tells.
     */
    default Optional<Boolean> listensOn(int systemPort) {
        return Optional.empty();
    }

    /**
     * The registry ids of helpers its start brought up that outlive it, shared by the instances after it (the
     * SSH container through which Testcontainers exposes the test host's ports): registered once, so that the
     * next run removes them if this JVM dies before the helper's own shutdown hook ran.
     */
    default List<String> helperIds() {
        return List.of();
    }

    /** Whether it still runs. */
    boolean isAlive();

    /** The exit code, once it has exited. */
    OptionalInt exitCode();

    /** Runs {@code action} once it has exited (at once if it already has). */
    void onExit(Runnable action);

    /** Sends {@code signal} to it (a process: to the process itself; a container: to its main process). */
    void signal(Signal signal);

    /** Freezes it (SIGSTOP to the tree, {@code docker pause}). */
    void pause();

    /** Thaws it after {@link #pause()}. */
    void resume();

    /** Stops it politely, kills what is left after {@code grace}; returns the exit code, or null if unknown. */
    Integer stop(Duration grace);

    /**
     * How the last {@link #stop} found what it stopped: {@code "tree"}, {@code "cookie"} or {@code "cgroup"}
     * (see {@code ProcessRecord#stoppedBy()}); null for containers and before a stop.
     */
    default String stoppedBy() {
        return null;
    }

    /** Kills it at once, with everything it started. */
    void kill();

    /** Gives its output up to {@code timeout} to arrive after an exit. */
    void drainOutput(Duration timeout);

    /** Called before each liveness check during readiness; a process notes its descendants here. */
    default void beforeCheck() {
    }

    /** Its root process on this host, for profiles and thread dumps; empty where it cannot be seen. */
    default Optional<ProcessHandle> rootProcess() {
        return pid() > 0 ? ProcessHandle.of(pid()) : Optional.empty();
    }
}
