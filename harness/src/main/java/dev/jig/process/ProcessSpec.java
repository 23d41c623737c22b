package dev.jig.process;

import dev.jig.support.Durations;
import dev.jig.record.Secrets;
import dev.jig.record.Timeline;
import java.nio.file.Path;
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
 * What to run as a system under test, and how to tell it is ready. An immutable value: every
 * {@code with}-style method returns a new spec, so a spec can be shared and started many times.
 *
 * <pre>{@code
 * ProcessSpec atm = ProcessSpec.command("atm", "python3", "atm.py")
 *     .args("--bank", (Supplier<String>) bank::address, "--port", ProcessSpec.FREE_PORT)
 *     .env("ATM_TOKEN", "s3cret")
 *     .readyWhen(Ready.port());
 * try (SystemProcess running = atm.start()) { ... }
 * }</pre>
 *
 * <p>Values of {@link #args} and {@link #env} may be a String, Number, Path, a {@code Supplier}
 * (called at start, then {@code String.valueOf}) or {@link #FREE_PORT}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ProcessSpec {

    /**
     * Stands for a free loopback port, chosen once per start and put wherever it appears in args or
     * env; it becomes the process's {@link SystemProcess#port()}.
     */
    public static final Object FREE_PORT = new Object() {
        @Override
        public String toString() {
            return "FREE_PORT";
        }
    };

    // Fields are only assigned on a fresh copy inside the with-methods, never after it is returned.
    private final String name;
    private final List<String> executable;
    private final String mainClass;
    private List<String> jvmArgs = List.of();
    private List<Object> args = List.of();
    private Map<String, Object> env = Map.of();
    private Path workingDir;
    private Ready ready;
    private Duration readyTimeout = Duration.ofSeconds(30);
    private Duration stopGrace = Duration.ofSeconds(5);
    private int outputTail = 200;
    private ProcessRegistry registry;
    private boolean echoOutput;
    private boolean profiled;

    private ProcessSpec(String name, List<String> executable, String mainClass) {
        this.name = checkName(name);
        this.executable = List.copyOf(executable);
        this.mainClass = mainClass;
    }

    /** Runs {@code command[0]} with the rest as arguments, e.g. {@code command("atm", "python3", "atm.py")}. */
    public static ProcessSpec command(String name, String... command) {
        if (command.length == 0 || command[0] == null || command[0].isBlank()) {
            throw new IllegalArgumentException("ProcessSpec.command(\"" + name + "\", ...) needs an executable, "
                    + "e.g. ProcessSpec.command(\"" + name + "\", \"python3\", \"app.py\")");
        }
        return new ProcessSpec(name, Arrays.asList(command), null);
    }

    /**
     * Runs {@code mainClass} in a new JVM: this JVM's {@code java} binary, with this JVM's class path.
     */
    public static ProcessSpec java(String name, Class<?> mainClass) {
        Objects.requireNonNull(mainClass, "mainClass");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessSpec(name, List.of(java), mainClass.getName());
    }

    /** Appends arguments; see the class documentation for the value kinds. */
    public ProcessSpec args(Object... values) {
        List<Object> more = new ArrayList<>(args);
        for (Object value : values) {
            more.add(SpecValue.check(value, "args(...) of " + name));
        }
        ProcessSpec copy = copy();
        copy.args = Collections.unmodifiableList(more);
        return copy;
    }

    /**
     * Appends JVM options, placed before the main class.
     *
     * @throws IllegalStateException unless this spec was made by {@link #java(String, Class)}
     */
    public ProcessSpec jvmArgs(String... values) {
        if (mainClass == null) {
            throw new IllegalStateException("jvmArgs(...) applies only to ProcessSpec.java(...); " + name
                    + " runs " + executable.get(0) + ", so pass its options with args(...)");
        }
        List<String> more = new ArrayList<>(jvmArgs);
        for (String value : values) {
            more.add(Objects.requireNonNull(value, "jvmArgs value"));
        }
        ProcessSpec copy = copy();
        copy.jvmArgs = List.copyOf(more);
        return copy;
    }

    /** Sets an environment variable (same value kinds as args); a null value removes an inherited one. */
    public ProcessSpec env(String variable, Object value) {
        Objects.requireNonNull(variable, "variable");
        Map<String, Object> more = new LinkedHashMap<>(env);
        more.put(variable, value == null ? null : SpecValue.check(value, "env(\"" + variable + "\", ...) of " + name));
        ProcessSpec copy = copy();
        copy.env = Collections.unmodifiableMap(more);
        return copy;
    }

    /** The directory to run in; default: this JVM's working directory. */
    public ProcessSpec workingDir(Path dir) {
        ProcessSpec copy = copy();
        copy.workingDir = Objects.requireNonNull(dir, "dir");
        return copy;
    }

    /** When the process counts as ready; default: as soon as it was spawned. */
    public ProcessSpec readyWhen(Ready condition) {
        ProcessSpec copy = copy();
        copy.ready = Objects.requireNonNull(condition, "condition");
        return copy;
    }

    /** How long conditions without their own {@link Ready#within} may take; default 30 s. */
    public ProcessSpec readyTimeout(Duration timeout) {
        ProcessSpec copy = copy();
        copy.readyTimeout = Durations.positive(timeout, "readyTimeout");
        return copy;
    }

    /** How long {@link SystemProcess#stop()} waits after SIGTERM before it kills; default 5 s. */
    public ProcessSpec stopGrace(Duration grace) {
        ProcessSpec copy = copy();
        copy.stopGrace = Durations.positive(grace, "stopGrace");
        return copy;
    }

    /** How many of the last lines the record keeps; default 200. */
    public ProcessSpec outputTail(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("outputTail must not be negative, got " + lines);
        }
        ProcessSpec copy = copy();
        copy.outputTail = lines;
        return copy;
    }

    /** Where the process is registered while it runs; default {@link ProcessRegistry#defaultRegistry()}. */
    public ProcessSpec registry(ProcessRegistry processRegistry) {
        ProcessSpec copy = copy();
        copy.registry = Objects.requireNonNull(processRegistry, "registry");
        return copy;
    }

    /** Whether to print each line to System.out/System.err as {@code "[atm] text"}; default false. */
    public ProcessSpec echoOutput(boolean echo) {
        ProcessSpec copy = copy();
        copy.echoOutput = echo;
        return copy;
    }

    /**
     * Records the system's own profile, read after it stops ({@link SystemProcess#profile()}): a JVM started by
     * {@link #java} runs with a flight recording that it writes when it exits (keep {@link #stopGrace} long
     * enough for that, the default 5 s is); any other process gets CPU time (user + system) and peak RSS of
     * its process tree.
     */
    public ProcessSpec profiled() {
        ProcessSpec copy = copy();
        copy.profiled = true;
        return copy;
    }

    /** The name the process is known by in messages and records. */
    public String name() {
        return name;
    }

    /** Starts the process and waits until it is ready. Same as {@code start(Timeline.NONE)}. */
    public SystemProcess start() {
        return start(Timeline.NONE);
    }

    /**
     * Starts the process and waits until it is ready, recording the phases {@code "start <name>"} and
     * {@code "ready <name>"}. If it cannot be started or readied, it is stopped and a
     * {@link ProcessStartException} says why, with the last lines of its output.
     */
    public SystemProcess start(Timeline timeline) {
        return ProcessLauncher.launch(this, Objects.requireNonNull(timeline, "timeline"));
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>(executable);
        if (mainClass != null) {
            shown.addAll(jvmArgs);
            shown.add(mainClass);
        }
        args.forEach(arg -> shown.add(arg instanceof String ? (String) arg : "<" + arg + ">"));
        return "ProcessSpec[" + name + ": " + String.join(" ", Secrets.maskCommand(shown)) + "]";
    }

    // Package-private reads for the launcher.

    List<String> executable() {
        return executable;
    }

    String mainClass() {
        return mainClass;
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

    ProcessRegistry registryOrDefault() {
        return registry != null ? registry : ProcessRegistry.defaultRegistry();
    }

    boolean echo() {
        return echoOutput;
    }

    boolean isProfiled() {
        return profiled;
    }

    private ProcessSpec copy() {
        ProcessSpec copy = new ProcessSpec(name, executable, mainClass);
        copy.jvmArgs = jvmArgs;
        copy.args = args;
        copy.env = env;
        copy.workingDir = workingDir;
        copy.ready = ready;
        copy.readyTimeout = readyTimeout;
        copy.stopGrace = stopGrace;
        copy.outputTail = outputTail;
        copy.registry = registry;
        copy.echoOutput = echoOutput;
        copy.profiled = profiled;
        return copy;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A process needs a name for messages and records, e.g. \"atm\"");
        }
        return name;
    }
}
