package dev.jig.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * The one place that touches Testcontainers and docker-java, so that the rest of the package loads
 * (and says what is missing) without them. Readiness is Jig's, not Testcontainers' wait strategies.
 */
final class DockerContainer {

    /** The label that names the JVM that started a container, for reaping when that JVM is gone. */
    static final String OWNER_LABEL = "dev.jig.owner";
    /**
     * The host token of that JVM (machine, boot, pid namespace). A label of its own rather than a part of the
     * owner label, so that the reapers of earlier Jig versions, which read {@code <pid>@<start>} there, still
     * read it right and do not take a running JVM's container for a leftover.
     */
    static final String HOST_LABEL = "dev.jig.host";
    static final String NAME_LABEL = "dev.jig.name";

    private final GenericContainer<?> container;
    private volatile String id;

    private DockerContainer(GenericContainer<?> container) {
        this.container = container;
    }

    /** Null when an engine answers, else what went wrong. */
    static String probeEngine() {
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return null;
            }
            DockerClientFactory.instance().client(); // throws with Testcontainers' reason
            return "Testcontainers found no Docker engine";
        } catch (RuntimeException | LinkageError e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** A container, not yet created, that runs {@code command} (image default if empty) on the host network. */
    static DockerContainer create(String image, List<String> command, Map<String, String> env,
                                  Map<String, String> labels, Consumer<OutputFrame> output) {
        GenericContainer<?> container = new GenericContainer<>(image);
        if (!command.isEmpty()) {
            container.withCommand(command.toArray(String[]::new));
        }
        container.withEnv(env).withLabels(labels).withNetworkMode("host").withLogConsumer(output)
                // Jig awaits readiness itself, and an early exit must reach it with the exit code and output,
                // so Testcontainers neither waits nor checks the start.
                .withStartupCheckStrategy(new StartupCheckStrategy() {
                    @Override
                    public StartupStatus checkStartupState(DockerClient client, String containerId) {
                        return StartupStatus.SUCCESSFUL;
                    }
                })
                .waitingFor(new AbstractWaitStrategy() {
                    @Override
                    protected void waitUntilReady() {
                    }
                });
        return new DockerContainer(container);
    }

    /** Creates and starts it; on failure removes what was created. */
    void start() {
        try {
            container.start();
            id = container.getContainerId();
        } catch (RuntimeException e) {
            id = container.getContainerId();
            remove();
            throw e;
        }
    }

    String id() {
        return id;
    }

    /** The pid of its main process as the host sees it, or -1. */
    long hostPid() {
        try {
            Long pid = inspect().getState().getPidLong();
            return pid == null || pid == 0 ? -1 : pid;
        } catch (DockerException e) {
            return -1;
        }
    }

    /** Blocks until the container exits; its exit code, or null if the wait broke off. */
    Integer awaitExit() {
        try (WaitContainerResultCallback callback = client().waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
            return callback.awaitStatusCode();
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    /** SIGTERM, then SIGKILL after {@code grace} (whole seconds); returns the exit code, or null if unknown. */
    Integer stop(Duration grace) {
        int seconds = (int) Math.max(1, (grace.toMillis() + 999) / 1000);
        try {
            client().stopContainerCmd(id).withTimeout(seconds).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // already stopped, or already gone
        }
        try {
            Long code = inspect().getState().getExitCodeLong();
            return code == null ? null : code.intValue();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Kills and removes it with its volumes; safe when it is already gone. */
    void remove() {
        if (id != null) {
            removeQuietly(id);
        }
    }

    static void removeQuietly(String containerId) {
        try {
            client().removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /** Containers (running or not) that carry the owner label: id and labels. */
    static List<Container> labelled() {
        return client().listContainersCmd().withShowAll(true).withLabelFilter(List.of(OWNER_LABEL)).exec();
    }

    /**
     * Pulls the image unless the engine has it; null when it is there, else why not. Asked here rather than left
     * to Testcontainers, which retries a failing pull for minutes.
     */
    static String ensureImage(String reference, Duration timeout) {
        if (imageExists(reference)) {
            return null;
        }
        try (PullImageResultCallback pull = client().pullImageCmd(reference).exec(new PullImageResultCallback())) {
            if (!pull.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return "it is not present locally and pulling it took longer than " + timeout.toSeconds() + " s";
            }
            return imageExists(reference) ? null : "it is not present locally and could not be pulled";
        } catch (RuntimeException | IOException e) {
            return "it is not present locally and could not be pulled (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while pulling it";
        }
    }

    /** Whether an image with this reference exists in the engine. */
    static boolean imageExists(String reference) {
        try {
            client().inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private InspectContainerResponse inspect() {
        return client().inspectContainerCmd(id).exec();
    }

    private static DockerClient client() {
        return DockerClientFactory.instance().client();
    }
}
