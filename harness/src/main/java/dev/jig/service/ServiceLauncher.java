package dev.jig.service;

import dev.jig.system.container.Docker;
import dev.jig.record.ProcessRecord;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemSpec;
import dev.jig.system.SystemStartException;
import dev.jig.record.Timeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Starts a service the one way that works here: its local binaries as a process (the harness's
 * {@link SystemSpec#command}, so it is registered and reaped like every process Jig starts), or, where none are found,
 * a container ({@link SystemSpec#image}). Every failure to find either says what was looked for,
 * where, and what to install.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class ServiceLauncher {

    /**
     * How one service is run.
     *
     * @param name        the name the user gave, e.g. {@code "db"}
     * @param what        what it is, for messages, e.g. {@code "PostgreSQL"}
     * @param install     what to do to get local binaries, e.g. {@code "apt-get install postgresql-15"}
     * @param binaries    the outcome of the search for local binaries
     * @param local       the process to run, given where the binaries are
     * @param image       the container image of the fallback
     * @param container   the container to run otherwise
     */
    public record Plan(String name, String what, String install, LocalBinaries binaries,
                       Function<Path, SystemSpec> local, String image, Supplier<SystemSpec> container) {
    }

    private ServiceLauncher() {
    }

    /** Whether {@code plan} can be started with {@code backend}, without starting anything. */
    public static ServiceAvailability availability(Plan plan, Backend backend) {
        if (backend != Backend.CONTAINER && plan.binaries().found().isPresent()) {
            return ServiceAvailability.of("process: " + plan.binaries().found().get());
        }
        if (backend == Backend.LOCAL || plan.binaries().configured()) {
            return ServiceAvailability.not(noLocal(plan));
        }
        Docker.Availability docker = Docker.availability();
        if (docker.available()) {
            return ServiceAvailability.of("container: " + plan.image());
        }
        return ServiceAvailability.not(neither(plan, backend, docker.reason()));
    }

    /** Starts {@code plan} with {@code backend}; throws {@link ServiceUnavailableException} when nothing can run it. */
    public static RunningSystem start(Plan plan, Backend backend, Timeline timeline) {
        if (backend != Backend.CONTAINER && plan.binaries().found().isPresent()) {
            return plan.local().apply(plan.binaries().found().get()).start(timeline);
        }
        if (backend == Backend.LOCAL || plan.binaries().configured()) {
            throw new ServiceUnavailableException(plan.name(), noLocal(plan), null);
        }
        Docker.Availability docker = Docker.availability();
        if (!docker.available()) {
            throw new ServiceUnavailableException(plan.name(), neither(plan, backend, docker.reason()), null);
        }
        try {
            return plan.container().get().start(timeline);
        } catch (SystemStartException e) {
            if (e.output().isEmpty() && e.record().isEmpty()) {
                // It never ran (no image, refused): say so with what else was tried.
                throw new ServiceUnavailableException(plan.name(), neither(plan, backend, e.getMessage()), e);
            }
            throw e;
        }
    }

    /** {@link Backend#LOCAL} or {@link Backend#CONTAINER}: what runs {@code service}. */
    public static Backend backendOf(RunningSystem service) {
        return ProcessRecord.CONTAINER.equals(service.kind()) ? Backend.CONTAINER : Backend.LOCAL;
    }

    /** "pid 123, running" or "container abc of image x, exited with code 1", for messages. */
    public static String describe(RunningSystem service) {
        String state = service.isAlive() ? "running" : "exited with code "
                + service.exitCode().stream().boxed().findFirst().map(String::valueOf).orElse("?");
        return service.identity() + ", " + state;
    }

    /** A loopback port that nobody uses right now. */
    public static int freePort(String name) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free loopback port for " + name + ": " + e, e);
        }
    }

    private static String noLocal(Plan plan) {
        return "Could not start " + plan.what() + " '" + plan.name() + "': no local binaries ("
                + plan.binaries().describeSearch() + "). Install them (" + plan.install() + ")"
                + (plan.binaries().configured() ? " or fix the configured location." : ".");
    }

    private static String neither(Plan plan, Backend backend, String containerProblem) {
        String local = backend == Backend.CONTAINER ? "local binaries were not asked for (Backend.CONTAINER)"
                : "no local binaries (" + plan.binaries().describeSearch() + ")";
        return "Could not start " + plan.what() + " '" + plan.name() + "': " + local + ", and no container of image "
                + plan.image() + ": " + containerProblem + " To run it here, install the binaries ("
                + plan.install() + "), or make Docker available with the image " + plan.image() + ".";
    }
}
