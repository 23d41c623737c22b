package dev.jig.system;

import dev.jig.record.Secrets;
import dev.jig.record.Timeline;
import dev.jig.support.Durations;
import dev.jig.system.container.ContainerBackend;
import dev.jig.system.container.Image;
import dev.jig.system.internal.Launch;
import dev.jig.system.process.ProcessBackend;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import org.apiguardian.api.API;

/**
 * What to run as a system under test, and how to tell it is ready, whatever runs it: a command, a Java main
 * class, an image, or a Testcontainers container of your own. An immutable value: every option returns a new
 * spec, so a spec can be shared and started many times. Every option means the same on every backend and has
 * the same default (the {@code DEFAULT_} constants).
 *
 * <pre>{@code
 * SystemSpec atm = SystemSpec.command("atm", "python3", "atm.py")      // or .java("atm", AtmMain.class),
 *     .args("--bank", (Supplier<String>) bank::address,                //    .image("atm", "jig/atm:1")
 *           "--port", SystemSpec.FREE_PORT)
 *     .env("ATM_TOKEN", "s3cret")
 *     .readyWhen(Ready.port());
 * try (RunningSystem running = atm.start()) { ... }
 * }</pre>
 *
 * <p>Values of {@link #args} and {@link #env} may be a String, Number, Path, a {@code Supplier} (called at
 * start, then {@code String.valueOf}) or {@link #FREE_PORT}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class SystemSpec {

    /**
     * Stands for a free loopback port, chosen once per spec start and put wherever it appears in args or env;
     * it becomes the system's {@link RunningSystem#port()}, and a restart keeps it.
     */
    public static final Object FREE_PORT = new Object() {
        @Override
        public String toString() {
            return "FREE_PORT";
        }
    };

    /** How long readiness may take for conditions without their own {@link Ready#within}. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);
    /** How long a polite stop may take before the system is killed. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(5);
    /** How many of the last output lines the record keeps. */
    public static final int DEFAULT_OUTPUT_TAIL = 200;
    /**
     * The system property with the network of {@link #image} systems that name none: {@code bridge} (the default,
     * {@link #bridgeNetwork()}) or {@code host} ({@link #hostNetwork()}).
     */
    public static final String NETWORK_PROPERTY = "jig.system.network";

    // Fields are only assigned on a fresh copy inside the option methods, never after it is returned.
    private final String name;
    private final Launch launch;
    private List<String> jvmArgs = List.of();
    private List<Object> args = List.of();
    private Map<String, Object> env = Map.of();
    private Path workingDir;
    private Integer port;
    private Ready ready;
    private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
    private Duration stopGrace = DEFAULT_STOP_GRACE;
    private int outputTail = DEFAULT_OUTPUT_TAIL;
    private SystemRegistry registry;
    private boolean echoOutput;
    private boolean profiled;
    /** Null: the default of {@value #NETWORK_PROPERTY}. */
    private Boolean bridgeNetwork;
    private Framing framing = Framing.lengthPrefixed(2);
    private Codec codec = Codec.json();

    private SystemSpec(String name, Launch launch) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A system needs a name for messages and records, e.g. \"atm\"");
        }
        this.name = name;
        this.launch = Objects.requireNonNull(launch, "launch");
    }

    /** Runs {@code command[0]} with the rest as arguments, e.g. {@code command("atm", "python3", "atm.py")}. */
    public static SystemSpec command(String name, String... command) {
        if (command.length == 0 || command[0] == null || command[0].isBlank()) {
            throw new IllegalArgumentException("SystemSpec.command(\"" + name + "\", ...) needs an executable, "
                    + "e.g. SystemSpec.command(\"" + name + "\", \"python3\", \"app.py\")");
        }
        return new SystemSpec(name, ProcessBackend.command(Arrays.asList(command)));
    }

    /** Runs {@code mainClass} in a new JVM: this JVM's {@code java} binary, with this JVM's class path. */
    public static SystemSpec java(String name, Class<?> mainClass) {
        return new SystemSpec(name, ProcessBackend.java(Objects.requireNonNull(mainClass, "mainClass")));
    }

    /**
     * Runs a container of an image present locally (or pullable), e.g. {@code "jig/atm:1"}, on the host's
     * network; {@link #args} replace the image's default command (its ENTRYPOINT, if any, runs them).
     */
    public static SystemSpec image(String name, String image) {
        return new SystemSpec(name, ContainerBackend.image(image));
    }

    /** Runs a container of an image built from a directory with a Dockerfile, once per content. */
    public static SystemSpec image(String name, Image image) {
        return new SystemSpec(name, ContainerBackend.image(image));
    }

    /** Runs a container of an image a future builds, e.g. Testcontainers' {@code ImageFromDockerfile}. */
    public static SystemSpec image(String name, Future<String> image) {
        return new SystemSpec(name, ContainerBackend.image(image));
    }

    /**
     * Runs a Testcontainers container you configured yourself (network, mounts, exposed ports); Jig adds its
     * labels, reads its output and runs the readiness, stop and record as for any system. Its exposed ports are
     * reached through their mapped ports; {@link #args} and {@link #env} are added to what it has. The container
     * is started (again, after a restart) by Jig: do not start it yourself.
     */
    public static SystemSpec container(String name, org.testcontainers.containers.GenericContainer<?> container) {
        return new SystemSpec(name, ContainerBackend.container(container));
    }

    /** Appends arguments; see the class documentation for the value kinds. */
    public SystemSpec args(Object... values) {
        List<Object> more = new ArrayList<>(args);
        for (Object value : values) {
            more.add(SpecValue.check(value, "args(...) of " + name));
        }
        SystemSpec copy = copy();
        copy.args = Collections.unmodifiableList(more);
        return copy;
    }

    /**
     * Appends JVM options, placed before the main class.
     *
     * @throws IllegalStateException unless this spec was made by {@link #java(String, Class)}
     */
    public SystemSpec jvmArgs(String... values) {
        if (!launch.isJava()) {
            throw new IllegalStateException("jvmArgs(...) applies only to SystemSpec.java(...); " + name
                    + " runs " + launch.describe() + ", so pass its options with args(...)");
        }
        List<String> more = new ArrayList<>(jvmArgs);
        for (String value : values) {
            more.add(Objects.requireNonNull(value, "jvmArgs value"));
        }
        SystemSpec copy = copy();
        copy.jvmArgs = List.copyOf(more);
        return copy;
    }

    /**
     * Sets an environment variable (same value kinds as args). A null value means "not set": a process does not
     * inherit it from this JVM, a container does not get it.
     */
    public SystemSpec env(String variable, Object value) {
        Objects.requireNonNull(variable, "variable");
        Map<String, Object> more = new LinkedHashMap<>(env);
        more.put(variable, value == null ? null : SpecValue.check(value, "env(\"" + variable + "\", ...) of " + name));
        SystemSpec copy = copy();
        copy.env = Collections.unmodifiableMap(more);
        return copy;
    }

    /** The directory to run in (in a container: its working directory); default: this JVM's, or the image's. */
    public SystemSpec workingDir(Path dir) {
        SystemSpec copy = copy();
        copy.workingDir = Objects.requireNonNull(dir, "dir");
        return copy;
    }

    /**
     * The port the system listens on, when it is fixed; otherwise pass {@link #FREE_PORT} in args or env, or
     * capture it with {@link Ready#logLine}.
     */
    public SystemSpec port(int listeningPort) {
        SystemSpec copy = copy();
        copy.port = PortReady.checkPort(listeningPort);
        return copy;
    }

    /** When the system counts as ready; default: as soon as it was started. */
    public SystemSpec readyWhen(Ready condition) {
        SystemSpec copy = copy();
        copy.ready = Objects.requireNonNull(condition, "condition");
        return copy;
    }

    /** How long conditions without their own {@link Ready#within} may take; default 60 s. */
    public SystemSpec readyTimeout(Duration timeout) {
        SystemSpec copy = copy();
        copy.readyTimeout = Durations.positive(timeout, "readyTimeout");
        return copy;
    }

    /**
     * How long a stop waits after SIGTERM before it kills (a container: whole seconds, rounded up); default 5 s.
     */
    public SystemSpec stopGrace(Duration grace) {
        SystemSpec copy = copy();
        copy.stopGrace = Durations.positive(grace, "stopGrace");
        return copy;
    }

    /** How many of the last lines the record keeps; default 200. */
    public SystemSpec outputTail(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("outputTail must not be negative, got " + lines);
        }
        SystemSpec copy = copy();
        copy.outputTail = lines;
        return copy;
    }

    /** Where the system is registered while it runs; default {@link SystemRegistry#defaultRegistry()}. */
    public SystemSpec registry(SystemRegistry systemRegistry) {
        SystemSpec copy = copy();
        copy.registry = Objects.requireNonNull(systemRegistry, "registry");
        return copy;
    }

    /** Whether to print each line to System.out/System.err as {@code "[atm] text"}; default false. */
    public SystemSpec echoOutput(boolean echo) {
        SystemSpec copy = copy();
        copy.echoOutput = echo;
        return copy;
    }

    /**
     * Records the system's own profile, read after it stops ({@link RunningSystem#profile()}): a JVM started by
     * {@link #java} runs with a flight recording that it writes when it exits (keep {@link #stopGrace} long
     * enough for that, the default 5 s is); anything else whose processes this host sees gets CPU time
     * (user + system) and peak RSS of its process tree.
     */
    public SystemSpec profiled() {
        SystemSpec copy = copy();
        copy.profiled = true;
        return copy;
    }

    /**
     * Runs the container of an {@link #image} on a bridge network of its own, the default (see {@value
     * #NETWORK_PROPERTY}): its {@link #port} (fixed, or {@link #FREE_PORT}) is published on a mapped host port,
     * which {@link RunningSystem#address()} gives, and every loopback address in its args and env ({@code
     * 127.0.0.1:<port>}, {@code localhost:<port>}, e.g. a fake's address) becomes {@code
     * host.testcontainers.internal:<port>}, that host port exposed to the container through Testcontainers
     * ({@code Testcontainers.exposeHostPorts}). The system must listen on all its interfaces, not only its
     * loopback. A port it only names in a log line is known too late to be published: the start fails and says so.
     *
     * @throws IllegalStateException unless this spec was made by an {@code image(...)} method
     */
    public SystemSpec bridgeNetwork() {
        return network(true, "bridgeNetwork()");
    }

    /**
     * Runs the container of an {@link #image} on the host's network ({@code --network host}) instead of a bridge:
     * it reaches the test host's loopback at the addresses the test passes, and the test reaches it at
     * 127.0.0.1 on the port it listens on, also one it only names in a log line. Linux engines on this host only:
     * Docker Desktop and remote engines have no such network.
     *
     * @throws IllegalStateException unless this spec was made by an {@code image(...)} method
     */
    public SystemSpec hostNetwork() {
        return network(false, "hostNetwork()");
    }

    private SystemSpec network(boolean bridge, String option) {
        if (!launch.isImage()) {
            throw new IllegalStateException(option + " applies only to SystemSpec.image(...); " + name
                    + " runs " + launch.describe() + "; a container of your own (SystemSpec.container(...)) gets its "
                    + "network from how you configured it");
        }
        SystemSpec copy = copy();
        copy.bridgeNetwork = bridge;
        return copy;
    }

    /** The protocol clients speak to it (default: 2-byte length-prefixed JSON). */
    public SystemSpec protocol(Framing messageFraming, Codec messageCodec) {
        SystemSpec copy = copy();
        copy.framing = Objects.requireNonNull(messageFraming, "framing");
        copy.codec = Objects.requireNonNull(messageCodec, "codec");
        return copy;
    }

    /** The name the system is known by in messages and records. */
    public String name() {
        return name;
    }

    /** The framing of {@link #protocol}. */
    public Framing framing() {
        return framing;
    }

    /** The codec of {@link #protocol}. */
    public Codec codec() {
        return codec;
    }

    /** Starts the system and waits until it is ready. Same as {@code start(Timeline.NONE)}. */
    public RunningSystem start() {
        return start(Timeline.NONE);
    }

    /**
     * Starts the system and waits until it is ready, recording the phases {@code "start <name>"} and
     * {@code "ready <name>"} (and {@code "image <name>"} where an image is built). If it cannot be started or
     * readied, it is stopped and a {@link SystemStartException} says why, with the last lines of its output.
     */
    public RunningSystem start(Timeline timeline) {
        return Launcher.launch(this, Objects.requireNonNull(timeline, "timeline"));
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>();
        shown.add(launch.describe());
        shown.addAll(jvmArgs);
        args.forEach(arg -> shown.add(arg instanceof String ? (String) arg : "<" + arg + ">"));
        return "SystemSpec[" + name + ": " + String.join(" ", Secrets.maskCommand(shown)) + "]";
    }

    // Package-private reads for the launcher.

    Launch launch() {
        return launch;
    }

    List<String> jvmArgList() {
        return jvmArgs;
    }

    List<Object> argList() {
        return args;
    }

    Map<String, Object> envMap() {
        return env;
    }

    Path workingDirectory() {
        return workingDir;
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

    SystemRegistry registryOrDefault() {
        return registry != null ? registry : SystemRegistry.defaultRegistry();
    }

    boolean echo() {
        return echoOutput;
    }

    boolean isProfiled() {
        return profiled;
    }

    /** Whether an image's container runs on a bridge network: as chosen, else as {@value #NETWORK_PROPERTY} says. */
    boolean isBridgeNetwork() {
        if (!launch.isImage()) {
            return false;
        }
        return bridgeNetwork != null ? bridgeNetwork : defaultNetworkIsBridge();
    }

    private static boolean defaultNetworkIsBridge() {
        String value = System.getProperty(NETWORK_PROPERTY, "bridge").trim();
        if (value.equalsIgnoreCase("bridge")) {
            return true;
        }
        if (value.equalsIgnoreCase("host")) {
            return false;
        }
        throw new IllegalArgumentException(NETWORK_PROPERTY + " is the network of image(...) systems that choose "
                + "none: expected bridge (the default) or host, got '" + value + "'. Set -D" + NETWORK_PROPERTY
                + "=host or leave it out.");
    }

    private SystemSpec copy() {
        SystemSpec copy = new SystemSpec(name, launch);
        copy.jvmArgs = jvmArgs;
        copy.args = args;
        copy.env = env;
        copy.workingDir = workingDir;
        copy.port = port;
        copy.ready = ready;
        copy.readyTimeout = readyTimeout;
        copy.stopGrace = stopGrace;
        copy.outputTail = outputTail;
        copy.registry = registry;
        copy.echoOutput = echoOutput;
        copy.profiled = profiled;
        copy.bridgeNetwork = bridgeNetwork;
        copy.framing = framing;
        copy.codec = codec;
        return copy;
    }
}
