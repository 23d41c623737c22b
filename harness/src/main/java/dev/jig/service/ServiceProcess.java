package dev.jig.service;

import dev.jig.container.ContainerSystem;
import dev.jig.process.ProcessOutput;
import dev.jig.process.SystemProcess;
import dev.jig.record.ProcessRecord;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * What runs a service: a {@link SystemProcess} started from local binaries, or a {@link ContainerSystem}. Both
 * are registered for reaping by their own machinery; this only gives the services one view of them.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class ServiceProcess implements AutoCloseable {

    private final SystemProcess process;
    private final ContainerSystem container;

    private ServiceProcess(SystemProcess process, ContainerSystem container) {
        this.process = process;
        this.container = container;
    }

    /** A service run as a local process. */
    public static ServiceProcess of(SystemProcess process) {
        return new ServiceProcess(process, null);
    }

    /** A service run in a container. */
    public static ServiceProcess of(ContainerSystem container) {
        return new ServiceProcess(null, container);
    }

    /** {@link Backend#LOCAL} or {@link Backend#CONTAINER}. */
    public Backend backend() {
        return process != null ? Backend.LOCAL : Backend.CONTAINER;
    }

    /** The local process, or {@code null} in a container. */
    public SystemProcess process() {
        return process;
    }

    /** The container, or {@code null} for a local process. */
    public ContainerSystem container() {
        return container;
    }

    /** What it printed so far. */
    public ProcessOutput output() {
        return process != null ? process.output() : container.output();
    }

    /** Whether it still runs. */
    public boolean isAlive() {
        return process != null ? process.isAlive() : container.isAlive();
    }

    /** The exit code, once it has exited. */
    public OptionalInt exitCode() {
        return process != null ? process.exitCode() : container.exitCode();
    }

    /** The process id (of a container: its main process as the host sees it, or -1). */
    public long pid() {
        return process != null ? process.pid() : container.toRecord().pid();
    }

    /** Stops it: the whole process tree, or the container (then removed). Idempotent. */
    public void stop() {
        if (process != null) {
            process.stop();
        } else {
            container.stop();
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Its record for {@code results.json}, like a system's. */
    public ProcessRecord toRecord() {
        return process != null ? process.toRecord() : container.toRecord();
    }

    /** "pid 123, running" or "container abc, exited with code 1", for messages. */
    public String describe() {
        String state = isAlive() ? "running" : "exited with code "
                + exitCode().stream().boxed().findFirst().map(String::valueOf).orElse("?");
        return (process != null ? "pid " + process.pid() : "container " + container.containerId()) + ", " + state;
    }
}
