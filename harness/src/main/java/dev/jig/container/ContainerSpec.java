package dev.jig.container;

import dev.jig.process.ProcessSpec;
import dev.jig.process.ProcessSupport;
import dev.jig.process.Ready;
import dev.jig.record.Timeline;
import dev.jig.support.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What to run in a container as a system under test, and how to tell it is ready: the container twin of
 * {@link ProcessSpec}. An immutable value; every method returns a new spec.
 *
 * <pre>{@code
 * ContainerSpec atm = ContainerSystem.spec("atm", Image.fromDirectory("atm", dir))
 *     .args("--bank", (Supplier<String>) bank::address, "--port", ProcessSpec.FREE_PORT)
 *     .readyWhen(Ready.port());
 * try (ContainerSystem running = atm.start()) { ... }
 * }</pre>
 *
 * <p>The container shares the host's network ({@code --network host}): a fake server bound to 127.0.0.1 on
 * the host is reached at the same address from inside, and the system's port is reached at 127.0.0.1 from
 * the test. So args and readiness conditions read exactly as for a process. Values of {@link #args} and
 * {@link #env} are the same kinds as for a process, including {@link ProcessSpec#FREE_PORT}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ContainerSpec {

    // Fields are only assigned on a fresh copy inside the with-methods, never after it is returned.
    private final String name;
    private final ImageSource image;
    private List<String> command = List.of();
    private List<Object> args = List.of();
    private Map<String, Object> env = Map.of();
    private Integer port;
    private Ready ready;
    private Duration readyTimeout = Duration.ofSeconds(60);
    private Duration stopGrace = Duration.ofSeconds(5);
    private int outputTail = 200;
    private ContainerRegistry registry;
    private boolean echoOutput;

    ContainerSpec(String name, ImageSource image) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A container system needs a name for messages and records, e.g. \"atm\"");
        }
        this.name = name;
        this.image = Objects.requireNonNull(image, "image");
    }

    /** Replaces the image's default command (its CMD); the image's ENTRYPOINT, if any, still runs it. */
    public ContainerSpec command(String... commandLine) {
        ContainerSpec copy = copy();
        copy.command = List.copyOf(Arrays.asList(commandLine));
        return copy;
    }

    /** Appends arguments after {@link #command}; the same value kinds as {@link ProcessSpec#args}. */
    public ContainerSpec args(Object... values) {
        List<Object> more = new ArrayList<>(args);
        for (Object value : values) {
            more.add(ProcessSupport.checkValue(value, "args(...) of " + name));
        }
        ContainerSpec copy = copy();
        copy.args = Collections.unmodifiableList(more);
        return copy;
    }

    /** Sets an environment variable of the container (same value kinds as args). */
    public ContainerSpec env(String variable, Object value) {
        Objects.requireNonNull(variable, "variable");
        Map<String, Object> more = new LinkedHashMap<>(env);
        more.put(variable, ProcessSupport.checkValue(value, "env(\"" + variable + "\", ...) of " + name));
        ContainerSpec copy = copy();
        copy.env = Collections.unmodifiableMap(more);
        return copy;
    }

    /**
     * The port the system listens on (on the shared host network), when it is fixed; otherwise pass
     * {@link ProcessSpec#FREE_PORT} in args or env, or capture it with {@link Ready#logLine}.
     */
    public ContainerSpec port(int listeningPort) {
        if (listeningPort < 1 || listeningPort > 65535) {
            throw new IllegalArgumentException("A port is a number from 1 to 65535, got " + listeningPort);
        }
        ContainerSpec copy = copy();
        copy.port = listeningPort;
        return copy;
    }

    /** When the container counts as ready; default: as soon as it was started. */
    public ContainerSpec readyWhen(Ready condition) {
        ContainerSpec copy = copy();
        copy.ready = Objects.requireNonNull(condition, "condition");
        return copy;
    }

    /** How long conditions without their own {@link Ready#within} may take; default 60 s. */
    public ContainerSpec readyTimeout(Duration timeout) {
        ContainerSpec copy = copy();
        copy.readyTimeout = Durations.positive(timeout, "readyTimeout");
        return copy;
    }

    /** How long a stop waits after SIGTERM before Docker kills (whole seconds, rounded up); default 5 s. */
    public ContainerSpec stopGrace(Duration grace) {
        ContainerSpec copy = copy();
        copy.stopGrace = Durations.positive(grace, "stopGrace");
        return copy;
    }

    /** How many of the last lines the record keeps; default 200. */
    public ContainerSpec outputTail(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("outputTail must not be negative, got " + lines);
        }
        ContainerSpec copy = copy();
        copy.outputTail = lines;
        return copy;
    }

    /** Where the container is registered while it runs; default {@link ContainerRegistry#defaultRegistry()}. */
    public ContainerSpec registry(ContainerRegistry containerRegistry) {
        ContainerSpec copy = copy();
        copy.registry = Objects.requireNonNull(containerRegistry, "registry");
        return copy;
    }

    /** Whether to print each line to System.out/System.err as {@code "[atm] text"}; default false. */
    public ContainerSpec echoOutput(boolean echo) {
        ContainerSpec copy = copy();
        copy.echoOutput = echo;
        return copy;
    }

    /** The name the system is known by in messages and records. */
    public String name() {
        return name;
    }

    /** Starts the container and waits until it is ready. Same as {@code start(Timeline.NONE)}. */
    public ContainerSystem start() {
        return start(Timeline.NONE);
    }

    /**
     * Starts the container and waits until it is ready, recording the phases {@code "start <name>"} and
     * {@code "ready <name>"}. If it cannot be started or readied it is stopped and removed, and a
     * {@link dev.jig.process.ProcessStartException} says why, with its last lines of output.
     *
     * @throws ContainerStartException also when Testcontainers or a Docker engine is missing
     */
    public ContainerSystem start(Timeline timeline) {
        Docker.requireAvailable(name);
        return ContainerLauncher.launch(this, Objects.requireNonNull(timeline, "timeline"));
    }

    @Override
    public String toString() {
        return "ContainerSpec[" + name + ": " + image.describe() + "]";
    }

    // Package-private reads for the launcher.

    ImageSource image() {
        return image;
    }

    List<String> commandList() {
        return command;
    }

    List<Object> argList() {
        return args;
    }

    Map<String, Object> envMap() {
        return env;
    }

    Integer fixedPort() {
        return port;
    }

    Ready readyCondition() {
        return ready;
    }

    Duration readyTimeoutValue() {
        return readyTimeout;
    }

    Duration stopGraceValue() {
        return stopGrace;
    }

    int outputTailValue() {
        return outputTail;
    }

    ContainerRegistry registryOrDefault() {
        return registry != null ? registry : ContainerRegistry.defaultRegistry();
    }

    boolean echo() {
        return echoOutput;
    }

    private ContainerSpec copy() {
        ContainerSpec copy = new ContainerSpec(name, image);
        copy.command = command;
        copy.args = args;
        copy.env = env;
        copy.port = port;
        copy.ready = ready;
        copy.readyTimeout = readyTimeout;
        copy.stopGrace = stopGrace;
        copy.outputTail = outputTail;
        copy.registry = registry;
        copy.echoOutput = echoOutput;
        return copy;
    }
}
