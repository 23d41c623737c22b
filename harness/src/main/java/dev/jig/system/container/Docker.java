package dev.jig.system.container;

import dev.jig.system.internal.SpawnFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * Whether container systems can run here: Testcontainers on the class path and a Docker engine that
 * answers. Asked once per JVM, since asking costs a connection attempt.
 *
 * <pre>{@code
 * Docker.Availability docker = Docker.availability();
 * if (!docker.available()) System.out.println("skipping: " + docker.reason());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Docker {

    /** The Maven coordinates to add, for messages. */
    public static final String TESTCONTAINERS = "org.testcontainers:testcontainers:2.0.2";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    private static volatile Availability known;

    private Docker() {
    }

    /**
     * Whether Docker can be used, and if not, why.
     *
     * @param available whether Testcontainers is present and a Docker engine answered
     * @param reason    why not, in a sentence that says what to do; empty when available
     */
    public record Availability(boolean available, String reason) {
    }

    /** Asks once, then answers from memory. */
    public static Availability availability() {
        Availability result = known;
        if (result == null) {
            synchronized (Docker.class) {
                if (known == null) {
                    known = probe();
                }
                result = known;
            }
        }
        return result;
    }

    /** Fails with a {@link SpawnFailure} that says why, unless Docker can be used. */
    static void requireAvailable(String systemName) throws SpawnFailure {
        Availability docker = availability();
        if (!docker.available()) {
            throw new SpawnFailure("Could not start " + systemName + " in a container: " + docker.reason(), null);
        }
    }

    // Testcontainers retries for minutes in some set-ups; a test run should learn sooner that Docker is unusable.
    private static String probeWithin(Duration timeout) {
        CompletableFuture<String> probe = new CompletableFuture<>();
        Thread thread = new Thread(() -> probe.complete(DockerContainer.probeEngine()), "jig-docker-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "Testcontainers found no usable engine within " + timeout.toSeconds() + " s";
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while asking for Docker";
        }
    }

    private static Availability probe() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Docker.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return new Availability(false, "Testcontainers is not on the class path. Add the dependency "
                    + TESTCONTAINERS + " (test scope) to use container systems.");
        }
        if (Files.exists(Path.of("/.dockerenv")) && System.getenv("TESTCONTAINERS_HOST_OVERRIDE") == null) {
            // Inside a container Testcontainers looks for the host's address by running one (it pulls alpine),
            // which hangs where nothing can be pulled.
            return new Availability(false, "Docker is not usable from inside this container without the "
                    + "environment variable TESTCONTAINERS_HOST_OVERRIDE (e.g. localhost, with the engine running "
                    + "in this container); set it and TESTCONTAINERS_RYUK_DISABLED=true.");
        }
        EngineApiVersion.configure();
        String failure = probeWithin(PROBE_TIMEOUT);
        if (failure == null) {
            return new Availability(true, "");
        }
        if (failure.contains("ryuk")) {
            return new Availability(false, "Docker is available, but Testcontainers could not start its reaper "
                    + "Ryuk (" + failure + "). Jig removes its containers itself: set the environment variable "
                    + "TESTCONTAINERS_RYUK_DISABLED=true.");
        }
        String host = System.getenv("DOCKER_HOST");
        boolean socket = Files.exists(Path.of("/var/run/docker.sock"));
        return new Availability(false, "Docker is not available: " + failure + " (DOCKER_HOST="
                + (host == null ? "unset" : host) + ", /var/run/docker.sock " + (socket ? "exists" : "missing")
                + "). Start the engine (e.g. `dockerd > /tmp/dockerd.log 2>&1 &`) or point DOCKER_HOST at one.");
    }
}
