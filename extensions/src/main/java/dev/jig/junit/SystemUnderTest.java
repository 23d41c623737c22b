package dev.jig.junit;

import dev.jig.junit.internal.ManagedResource;
import dev.jig.process.ProcessOutput;
import dev.jig.process.ProcessSpec;
import dev.jig.process.Ready;
import dev.jig.process.SystemProcess;
import dev.jig.record.ScopeRecorder;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The system under test, run as a real process (any language), declared as a field of a {@link JigTest}
 * class: {@code static} for one process per class, an instance field for a fresh one per test.
 * Configuration methods return a new declaration.
 *
 * <pre>{@code
 * final SystemUnderTest atm = SystemUnderTest.command("atm", "python3", "atm.py")
 *         .args("--bank", bank::address, "--port", "0")
 *         .readyWhen(Ready.logLine("listening on port (\\d+)"));
 * }</pre>
 *
 * <p>Arguments and environment values may be suppliers ({@code bank::address}), resolved when the process
 * starts; a resource they ask for is started first. {@link ProcessSpec#FREE_PORT} is replaced by a free
 * port. If the process does not become ready in time, or exits while Jig waits, the test fails with the
 * condition and the last lines of the process's output.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SystemUnderTest extends ManagedResource<SystemProcess> implements Endpoint {

    private static final int DIAGNOSTIC_LINES = 20;
    private static final Duration EXIT_SETTLE = Duration.ofMillis(150);

    private final ProcessSpec spec;
    private final Framing framing;
    private final Codec codec;

    private final boolean stopInBackground;

    private SystemUnderTest(ProcessSpec spec, Framing framing, Codec codec) {
        this(spec, framing, codec, false);
    }

    private SystemUnderTest(ProcessSpec spec, Framing framing, Codec codec, boolean stopInBackground) {
        super(spec.name());
        this.stopInBackground = stopInBackground;
        this.spec = spec;
        this.framing = framing;
        this.codec = codec;
    }

    /** A system started from a command line: {@code command[0]} is the executable. */
    public static SystemUnderTest command(String name, String... command) {
        return new SystemUnderTest(ProcessSpec.command(name, command), Framing.lengthPrefixed(2), Codec.json());
    }

    /** A Java system: {@code mainClass} in a new JVM with this test's class path. */
    public static SystemUnderTest java(String name, Class<?> mainClass) {
        return new SystemUnderTest(ProcessSpec.java(name, mainClass), Framing.lengthPrefixed(2), Codec.json());
    }

    private SystemUnderTest with(UnaryOperator<ProcessSpec> change) {
        return new SystemUnderTest(change.apply(spec), framing, codec, stopInBackground);
    }

    /**
     * Appends arguments: strings, numbers, paths, suppliers (resolved at start), {@code FREE_PORT}, or
     * another declared {@link Addressable} (a fake server, system or proxy), which stands for its
     * {@code host:port}.
     */
    public SystemUnderTest args(Object... args) {
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = lazy(args[i]);
        }
        return with(s -> s.args(resolved));
    }

    /** Appends an option and a value computed when the process starts: {@code arg("--bank", bank::address)}. */
    public SystemUnderTest arg(String option, Supplier<?> value) {
        return with(s -> s.args(option, value));
    }

    /** JVM options, for {@link #java} systems. */
    public SystemUnderTest jvmArgs(String... args) {
        return with(s -> s.jvmArgs(args));
    }

    /** Sets an environment variable (same value kinds as {@link #args}). */
    public SystemUnderTest env(String name, Object value) {
        Object resolved = lazy(value);
        return with(s -> s.env(name, resolved));
    }

    /** Sets an environment variable computed when the process starts. */
    public SystemUnderTest env(String name, Supplier<?> value) {
        return with(s -> s.env(name, value));
    }

    // An address exists only once it runs: pass it as a supplier, asked for at start.
    private static Object lazy(Object value) {
        if (value instanceof Addressable addressable) {
            return (Supplier<String>) addressable::address;
        }
        return value;
    }

    /** The working directory of the process. */
    public SystemUnderTest workingDir(Path dir) {
        return with(s -> s.workingDir(dir));
    }

    /** When the system counts as ready; until then the test does not start. */
    public SystemUnderTest readyWhen(Ready ready) {
        return with(s -> s.readyWhen(ready));
    }

    /** How long readiness may take (default 30 s) for conditions without their own timeout. */
    public SystemUnderTest readyTimeout(Duration timeout) {
        return with(s -> s.readyTimeout(timeout));
    }

    /** How long a polite stop may take before the process tree is killed (default 5 s). */
    public SystemUnderTest stopGrace(Duration grace) {
        return with(s -> s.stopGrace(grace));
    }

    /** How many of the last output lines the record keeps (default 200). */
    public SystemUnderTest outputTail(int lines) {
        return with(s -> s.outputTail(lines));
    }

    /** Whether output lines are printed to the console as they come, prefixed with the name. */
    public SystemUnderTest echoOutput(boolean echo) {
        return with(s -> s.echoOutput(echo));
    }

    /**
     * Records the system's own profile into the test's record ({@code systemProfiles}): a {@link #java} system
     * runs with a flight recording, read after it stops; any other gets CPU time and peak RSS of its tree.
     */
    public SystemUnderTest profiled() {
        return with(ProcessSpec::profiled);
    }

    /** The protocol {@link Connect} clients speak to it (default: 2-byte length-prefixed JSON). */
    public SystemUnderTest protocol(Framing framing, Codec codec) {
        return new SystemUnderTest(spec, framing, codec, stopInBackground);
    }

    /**
     * Whether the next test may start while this system exits (default {@code false}, or the key
     * {@code jig.stop.background}): it gets the polite signal at the usual point and exits on a thread of its own;
     * its exit code, output and stop phase still reach the test's record before the report is written.
     */
    public SystemUnderTest stopInBackground(boolean background) {
        return new SystemUnderTest(spec, framing, codec, background);
    }

    /** The running process. */
    public SystemProcess process() {
        return running();
    }

    /** What the process has written so far. */
    public ProcessOutput output() {
        return running().output();
    }

    @Override
    public String host() {
        return running().host();
    }

    @Override
    public int port() {
        SystemProcess process = running();
        if (process.port().isEmpty()) {
            process.address(); // throws, saying how to give the system a port
        }
        return process.port().getAsInt();
    }

    @Override
    public String address() {
        return running().address();
    }

    @Override
    public Framing framing() {
        return framing;
    }

    @Override
    public Codec codec() {
        return codec;
    }

    @Override
    public void start(ScopeRecorder recorder) {
        startRecordingFailure(recorder, () -> spec.start(recorder.timeline()));
    }

    @Override
    public void stop(ScopeRecorder recorder) {
        if (stopInBackground) {
            stopInBackground(recorder);
            return;
        }
        stopWith(recorder, SystemProcess::close, process -> {
            recorder.add(process.toRecord());
            process.output().lines().forEach(line -> recorder.timeline().trace().mark(name(), line.time(),
                    line.text()));
            process.profile().ifPresent(recorder::add);
        });
    }

    @Override
    public void stopInBackground(ScopeRecorder recorder) {
        stopInBackgroundWith(recorder, SystemProcess::close, process -> {
            recorder.add(process.toRecord());
            process.output().lines().forEach(line -> recorder.timeline().trace().mark(name(), line.time(),
                    line.text()));
            process.profile().ifPresent(recorder::add);
        });
    }

    @Override
    public String diagnostics() {
        return diagnostics(null);
    }

    @Override
    public String diagnostics(java.time.Instant failedAt) {
        SystemProcess process = last();
        if (process == null) {
            return "";
        }
        String tail = process.output().tailText(DIAGNOSTIC_LINES);
        return name() + " (pid " + process.pid() + ", " + facts(process).state(failedAt) + "), last "
                + DIAGNOSTIC_LINES + " lines of output:\n"
                + (tail.isEmpty() ? "  (no output)" : tail.indent(2).stripTrailing());
    }

    @Override
    public java.util.Optional<String> headline(java.time.Instant failedAt) {
        SystemProcess process = last();
        if (process == null) {
            return java.util.Optional.empty();
        }
        // A system whose death caused the failure may be seen exiting a moment after it.
        process.awaitExit(EXIT_SETTLE);
        return facts(process).headline(failedAt);
    }

    @Override
    public java.util.Optional<dev.jig.record.DiagnosticsRecord.ThreadDump> threadDump(Duration timeout) {
        SystemProcess process = runningOrNull();
        return process == null ? java.util.Optional.empty() : process.threadDump(timeout)
                .map(text -> new dev.jig.record.DiagnosticsRecord.ThreadDump(name(), text));
    }

    private static dev.jig.junit.internal.SystemFacts facts(SystemProcess process) {
        return new dev.jig.junit.internal.SystemFacts(process.name(), process.isAlive(), process.exitCode(),
                process.exitedAt(), process.exitedOnItsOwn());
    }
}
