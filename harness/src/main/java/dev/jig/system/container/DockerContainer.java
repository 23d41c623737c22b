package dev.jig.system.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.PortBinding;
import dev.jig.system.internal.Spawn;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
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
    static final String OWNER_LABEL = Spawn.OWNER_LABEL;
    /** The host token of that JVM (machine, boot, pid namespace): see {@link Spawn#HOST_LABEL}. */
    static final String HOST_LABEL = Spawn.HOST_LABEL;
    static final String NAME_LABEL = Spawn.NAME_LABEL;
    /** The repository of Testcontainers' SSH port forwarding image, {@code testcontainers/sshd:<version>}. */
    static final String PORT_FORWARDING_IMAGE = "testcontainers/sshd";

    /** The network a container runs on: the host's or a bridge (Jig made the container), or the user's choice. */
    enum Network { HOST, BRIDGE, OWN }

    private final GenericContainer<?> container;
    private final Network network;
    private volatile String id;

    private DockerContainer(GenericContainer<?> container, Network network) {
        this.container = container;
        this.network = network;
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

    /**
     * A container, not yet created, that runs {@code command} (image default if empty) in {@code workingDir}
     * unless null: on the host network, or on Docker's bridge network with {@code port} (unless not positive)
     * published on a mapped host port: {@code publishAt} if positive, else one the engine chooses.
     */
    static DockerContainer create(String image, List<String> command, Map<String, String> env, String workingDir,
                                  Map<String, String> labels, Consumer<OutputFrame> output, boolean bridge,
                                  int port, int publishAt) {
        GenericContainer<?> container = new GenericContainer<>(image);
        if (!command.isEmpty()) {
            container.withCommand(command.toArray(String[]::new));
        }
        if (workingDir != null) {
            container.withWorkingDirectory(workingDir);
        }
        container.withEnv(env);
        if (!bridge) {
            container.withNetworkMode("host");
        } else if (port > 0) {
            container.withExposedPorts(port);
            if (publishAt > 0) { // a restart: the same host port as before, so the address stays
                container.withCreateContainerCmdModifier(create -> create.getHostConfig()
                        .withPortBindings(PortBinding.parse(publishAt + ":" + port)));
            }
        }
        return configure(container, labels, output, bridge ? Network.BRIDGE : Network.HOST);
    }

    /**
     * A user's own container, not yet started: Jig adds its labels, the command and env it was given, and reads its
     * output; its network, ports and wait strategy stay as configured.
     */
    static DockerContainer wrap(GenericContainer<?> container, List<String> command, Map<String, String> env,
                                String workingDir, Map<String, String> labels, Consumer<OutputFrame> output) {
        if (!command.isEmpty()) {
            container.withCommand(command.toArray(String[]::new));
        }
        if (workingDir != null) {
            container.withWorkingDirectory(workingDir);
        }
        env.forEach(container::withEnv);
        container.withLabels(labels).withLogConsumer(output);
        return new DockerContainer(container, Network.OWN);
    }

    private static DockerContainer configure(GenericContainer<?> container, Map<String, String> labels,
                                             Consumer<OutputFrame> output, Network network) {
        container.withLabels(labels).withLogConsumer(output)
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
        return new DockerContainer(container, network);
    }

    /**
     * Makes these ports of the test host reachable from containers started afterwards, as
     * {@code host.testcontainers.internal:<port>} (Testcontainers' SSH port forwarding container, started once).
     */
    static List<String> exposeHostPorts(Set<Integer> ports) {
        if (ports.isEmpty()) {
            return List.of();
        }
        Testcontainers.exposeHostPorts(ports.stream().mapToInt(Integer::intValue).toArray());
        return portForwarders();
    }

    /**
     * The ids of the SSH containers Testcontainers started for this JVM's session to forward the host's ports: they
     * carry only its labels (their creation is its own), so Jig registers them to remove them after a kill -9.
     */
    private static List<String> portForwarders() {
        return client().listContainersCmd()
                .withLabelFilter(Map.of(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID))
                .exec().stream()
                .filter(c -> c.getImage() != null && c.getImage().startsWith(PORT_FORWARDING_IMAGE))
                .map(Container::getId)
                .toList();
    }

    /** Whether a container of this id exists, running or not, labelled or not. */
    static boolean exists(String containerId) {
        try {
            client().inspectContainerCmd(containerId).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
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

    /** The image it runs. */
    String image() {
        return container.getDockerImageName();
    }

    /** Where the test reaches it: loopback on the host network, else Testcontainers' host. */
    String host() {
        return network == Network.HOST ? "127.0.0.1" : container.getHost();
    }

    Network network() {
        return network;
    }

    /** The container's ports published on host ports. */
    List<Integer> publishedPorts() {
        return List.copyOf(container.getExposedPorts());
    }

    /**
     * The host port for a port of the container: itself on the host network, the mapped port if published, else
     * empty on a bridge Jig made (nothing reaches it) and the port itself on a network the user configured.
     */
    OptionalInt hostPort(int port) {
        if (network == Network.HOST) {
            return OptionalInt.of(port);
        }
        if (container.getExposedPorts().contains(port)) {
            return OptionalInt.of(container.getMappedPort(port));
        }
        return network == Network.OWN ? OptionalInt.of(port) : OptionalInt.empty();
    }

    /** Sends a signal to its main process ({@code docker kill -s}). */
    void signal(String signal) {
        client().killContainerCmd(id).withSignal(signal).exec();
    }

    /** {@code docker pause}: freezes every process of it (the cgroup freezer). */
    void pause() {
        client().pauseContainerCmd(id).exec();
    }

    /** {@code docker unpause}. */
    void unpause() {
        client().unpauseContainerCmd(id).exec();
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
        if (network != Network.HOST) {
            container.stop(); // a user's container object forgets its id here, so it can be started again
        }
        if (id != null) {
            removeQuietly(id);
        }
    }

    static void removeQuietly(String containerId) {
        try {
            client().removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException | ConflictException e) {
            // already gone, or being removed by someone else
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
