package dev.jig.junit;

import dev.jig.junit.internal.CurrentTest;
import dev.jig.junit.internal.ManagedResource;
import dev.jig.junit.internal.SystemFacts;
import dev.jig.record.DiagnosticsRecord;
import dev.jig.record.ScopeRecorder;
import dev.jig.record.Timeline;
import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import dev.jig.system.Signal;
import dev.jig.system.SystemOutput;
import dev.jig.system.SystemSpec;
import dev.jig.system.container.Image;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The system under test, declared as a field of a {@link JigTest} class, whatever runs it: a command (any language),
 * a Java main class, a container image, or a Testcontainers container of your own. {@code static} for one system per
 * class, an instance field for a fresh one per test. Every option means the same on every backend, with the same
 * default ({@link SystemSpec}); configuration methods return a new declaration.
 *
 * <pre>{@code
 * final SystemUnderTest atm = SystemUnderTest.command("atm", "python3", "atm.py")  // or .java("atm", AtmMain.class)
 *         .args("--bank", bank, "--port", "0")                                     // or .image("atm", image)
 *         .readyWhen(Ready.logLine("listening on port (\\d+)"));
 *
 * @Test
 * void reloads() {
 *     atm.signal(Signal.HUP);      // a phase of this test
 * }
 * }</pre>
 *
 * <p>Arguments and environment values may be suppliers ({@code bank::address}) or another declared
 * {@link Addressable}, resolved when the system starts; a resource they ask for is started first.
 * {@link SystemSpec#FREE_PORT} is replaced by a free port. If the system does not become ready in time, or exits
 * while Jig waits, the test fails with the condition and the last lines of its output. Containers need
 * {@code org.testcontainers:testcontainers} on the test class path; put {@link RequiresDocker} on the class to skip
 * it where Docker is missing.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class SystemUnderTest extends ManagedResource<RunningSystem> implements Endpoint {

    private static final int DIAGNOSTIC_LINES = 20;
    private static final Duration EXIT_SETTLE = Duration.ofMillis(150);

    private final SystemSpec spec;
    private final boolean stopInBackground;

    private SystemUnderTest(SystemSpec spec, boolean stopInBackground) {
        super(spec.name());
        this.spec = spec;
        this.stopInBackground = stopInBackground;
    }

    /** A system started from a command line: {@code command[0]} is the executable. */
    public static SystemUnderTest command(String name, String... command) {
        return new SystemUnderTest(SystemSpec.command(name, command), false);
    }

    /** A Java system: {@code mainClass} in a new JVM with this test's class path. */
    public static SystemUnderTest java(String name, Class<?> mainClass) {
        return new SystemUnderTest(SystemSpec.java(name, mainClass), false);
    }

    /** A container of an image by name, present locally (or pullable); {@link #args} replace its command. */
    public static SystemUnderTest image(String name, String image) {
        return new SystemUnderTest(SystemSpec.image(name, image), false);
    }

    /** A container of an image built from a directory with a Dockerfile, once per content. */
    public static SystemUnderTest image(String name, Image image) {
        return new SystemUnderTest(SystemSpec.image(name, image), false);
    }

    /** A container of an image a future builds, e.g. Testcontainers' {@code ImageFromDockerfile}. */
    public static SystemUnderTest image(String name, Future<String> image) {
        return new SystemUnderTest(SystemSpec.image(name, image), false);
    }

    /** A Testcontainers container you configured yourself; see {@link SystemSpec#container}. */
    public static SystemUnderTest container(String name, org.testcontainers.containers.GenericContainer<?> container) {
        return new SystemUnderTest(SystemSpec.container(name, container), false);
    }

    /** Anything of the spec, in one go: {@code .configure(s -> s.readyTimeout(...).stopGrace(...))}. */
    public SystemUnderTest configure(UnaryOperator<SystemSpec> change) {
        return new SystemUnderTest(change.apply(spec), stopInBackground);
    }

    /**
     * Appends arguments ({@link SystemSpec#args}): strings, numbers, paths, suppliers, {@code FREE_PORT}, or another
     * declared {@link Addressable} (a fake server, system or proxy), which stands for its {@code host:port}.
     */
    public SystemUnderTest args(Object... args) {
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = lazy(args[i]);
        }
        return configure(s -> s.args(resolved));
    }

    /** Appends an option and a value computed when the system starts: {@code arg("--bank", bank::address)}. */
    public SystemUnderTest arg(String option, Supplier<?> value) {
        return configure(s -> s.args(option, value));
    }

    /** JVM options ({@link SystemSpec#jvmArgs}), for {@link #java} systems. */
    public SystemUnderTest jvmArgs(String... args) {
        return configure(s -> s.jvmArgs(args));
    }

    /** Sets an environment variable ({@link SystemSpec#env}); a null value means "not set". */
    public SystemUnderTest env(String name, Object value) {
        Object resolved = value == null ? null : lazy(value);
        return configure(s -> s.env(name, resolved));
    }

    // An address exists only once it runs: pass it as a supplier, asked for at start.
    private static Object lazy(Object value) {
        if (value instanceof Addressable addressable) {
            return (Supplier<String>) addressable::address;
        }
        return value;
    }

    /** The working directory ({@link SystemSpec#workingDir}). */
    public SystemUnderTest workingDir(Path dir) {
        return configure(s -> s.workingDir(dir));
    }

    /** The port it listens on, when fixed ({@link SystemSpec#port}). */
    public SystemUnderTest port(int port) {
        return configure(s -> s.port(port));
    }

    /** When the system counts as ready ({@link SystemSpec#readyWhen}); until then the test does not start. */
    public SystemUnderTest readyWhen(Ready ready) {
        return configure(s -> s.readyWhen(ready));
    }

    /** How long readiness may take ({@link SystemSpec#readyTimeout}, default 60 s). */
    public SystemUnderTest readyTimeout(Duration timeout) {
        return configure(s -> s.readyTimeout(timeout));
    }

    /** How long a polite stop may take before the system is killed ({@link SystemSpec#stopGrace}, default 5 s). */
    public SystemUnderTest stopGrace(Duration grace) {
        return configure(s -> s.stopGrace(grace));
    }

    /** How many of the last output lines the record keeps ({@link SystemSpec#outputTail}, default 200). */
    public SystemUnderTest outputTail(int lines) {
        return configure(s -> s.outputTail(lines));
    }

    /** Whether output lines are printed to the console as they come ({@link SystemSpec#echoOutput}). */
    public SystemUnderTest echoOutput(boolean echo) {
        return configure(s -> s.echoOutput(echo));
    }

    /** Records the system's own profile into the test's record ({@link SystemSpec#profiled}). */
    public SystemUnderTest profiled() {
        return configure(SystemSpec::profiled);
    }

    /**
     * Runs an image's container on a bridge network with its port mapped, fakes reached through the test host
     * ({@link SystemSpec#bridgeNetwork}): the default, unless {@value SystemSpec#NETWORK_PROPERTY} says otherwise.
     */
    public SystemUnderTest bridgeNetwork() {
        return configure(SystemSpec::bridgeNetwork);
    }

    /** Runs an image's container on the host's network ({@link SystemSpec#hostNetwork}). */
    public SystemUnderTest hostNetwork() {
        return configure(SystemSpec::hostNetwork);
    }

    /** The protocol {@link Connect} clients speak to it ({@link SystemSpec#protocol}). */
    public SystemUnderTest protocol(Framing framing, Codec codec) {
        return configure(s -> s.protocol(framing, codec));
    }

    /**
     * Whether the next test may start while this system exits (default {@code false}, or the key
     * {@code jig.stop.background}): it gets the polite signal at the usual point and exits on a thread of its own;
     * its exit code, output and stop phase still reach the test's record before the report is written.
     */
    public SystemUnderTest stopInBackground(boolean background) {
        return new SystemUnderTest(spec, background);
    }

    /** The running system. */
    public RunningSystem system() {
        return running();
    }

    /** What the system has written so far. */
    public SystemOutput output() {
        return running().output();
    }

    /** Sends {@code signal} ({@link RunningSystem#signal}), as a phase of the running test. */
    public void signal(Signal signal) {
        RunningSystem system = running();
        system.signal(signal, timeline(system));
    }

    /** Kills it as a crash would ({@link RunningSystem#kill}), as a phase of the running test. */
    public void kill() {
        RunningSystem system = running();
        system.kill(timeline(system));
    }

    /**
     * Stops it politely and starts it again with the same options ({@link RunningSystem#restart}), as phases of the
     * running test. Its address stays the same unless its port is captured from a log line; clients from
     * {@link Connect} and proxies that point at it keep their address, so they reconnect to the new run (a client's
     * open connection breaks: connect a new one).
     */
    public void restart() {
        RunningSystem system = running();
        system.restart(timeline(system));
    }

    /** Freezes it ({@link RunningSystem#pause}), as a phase of the running test. */
    public void pause() {
        RunningSystem system = running();
        system.pause(timeline(system));
    }

    /** Thaws it ({@link RunningSystem#resume}), as a phase of the running test. */
    public void resume() {
        RunningSystem system = running();
        system.resume(timeline(system));
    }

    /** Waits up to {@code timeout} for it to exit; whether it has ({@link RunningSystem#awaitExit}). */
    public boolean awaitExit(Duration timeout) {
        return running().awaitExit(timeout);
    }

    // A static system's actions belong to the test that takes them, not to the class; outside a test body
    // (a @BeforeEach, another thread) they go on the timeline the system was started on.
    private static Timeline timeline(RunningSystem system) {
        return CurrentTest.timeline().orElse(system.timeline());
    }

    @Override
    public String host() {
        return running().host();
    }

    @Override
    public int port() {
        RunningSystem system = running();
        String address = system.address(); // throws, saying how to give the system a port
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    @Override
    public String address() {
        return running().address();
    }

    @Override
    public Framing framing() {
        return spec.framing();
    }

    @Override
    public Codec codec() {
        return spec.codec();
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
        stopWith(recorder, RunningSystem::close, system -> record(recorder, system));
    }

    @Override
    public void stopInBackground(ScopeRecorder recorder) {
        stopInBackgroundWith(recorder, RunningSystem::close, system -> record(recorder, system));
    }

    // Its output lines become marks on the test's message trace, beside the record.
    private void record(ScopeRecorder recorder, RunningSystem system) {
        recorder.add(system.toRecord());
        system.output().lines().forEach(line -> recorder.timeline().trace().mark(name(), line.time(), line.text()));
        system.profile().ifPresent(recorder::add);
    }

    @Override
    public String diagnostics() {
        return diagnostics(null);
    }

    @Override
    public String diagnostics(Instant failedAt) {
        RunningSystem system = last();
        if (system == null) {
            return "";
        }
        String tail = system.output().tailText(DIAGNOSTIC_LINES);
        String image = system.image().map(i -> " of " + i).orElse("");
        String who = system.containerId().map(id -> "container " + id + image).orElse(system.identity());
        return name() + " (" + who + ", " + facts(system).state(failedAt) + "), last " + DIAGNOSTIC_LINES
                + " lines of output:\n" + (tail.isEmpty() ? "  (no output)" : tail.indent(2).stripTrailing());
    }

    @Override
    public Optional<String> headline(Instant failedAt) {
        RunningSystem system = last();
        if (system == null) {
            return Optional.empty();
        }
        // A system whose death caused the failure may be seen exiting a moment after it.
        system.awaitExit(EXIT_SETTLE);
        return facts(system).headline(failedAt);
    }

    @Override
    public Optional<DiagnosticsRecord.ThreadDump> threadDump(Duration timeout) {
        RunningSystem system = runningOrNull();
        return system == null ? Optional.empty() : system.threadDump(timeout)
                .map(text -> new DiagnosticsRecord.ThreadDump(name(), text));
    }

    private static SystemFacts facts(RunningSystem system) {
        return new SystemFacts(system.name(), system.isAlive(), system.exitCode(), system.exitedAt(),
                system.exitedOnItsOwn());
    }
}
