package dev.jig.junit;

import dev.jig.container.ContainerSpec;
import dev.jig.container.ContainerSystem;
import dev.jig.container.Image;
import dev.jig.junit.internal.ManagedResource;
import dev.jig.process.ProcessOutput;
import dev.jig.process.Ready;
import dev.jig.record.ScopeRecorder;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The system under test, run in a container, declared as a field of a {@link JigTest} class: the container
 * twin of {@link SystemUnderTest}, with the same arguments, readiness, output and record. {@code static} for
 * one container per class, an instance field for a fresh one per test. Put {@link RequiresDocker} on the class
 * so that it is skipped, with the reason, where Docker is not available.
 *
 * <pre>{@code
 * @JigTest @RequiresDocker
 * class ContainerAtmTest {
 *     static final FakeServer bank = FakeServer.tcp("bank");
 *     final ContainerUnderTest atm = ContainerUnderTest.image("atm", Image.fromDirectory("jig/atm", dir))
 *             .args("--bank", bank, "--port", "0")
 *             .readyWhen(Ready.logLine("listening on port (\\d+)"));
 * }
 * }</pre>
 *
 * <p>The container shares the host's network, so a fake's {@code host:port} works unchanged inside it and
 * its own port is reached on 127.0.0.1. Needs {@code org.testcontainers:testcontainers} on the test class path.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ContainerUnderTest extends ManagedResource<ContainerSystem> implements Endpoint {

    private static final int DIAGNOSTIC_LINES = 20;

    private final ContainerSpec spec;
    private final Framing framing;
    private final Codec codec;

    private ContainerUnderTest(ContainerSpec spec, Framing framing, Codec codec) {
        super(spec.name());
        this.spec = spec;
        this.framing = framing;
        this.codec = codec;
    }

    /** A container from an image by name, present locally (or pullable). */
    public static ContainerUnderTest image(String name, String image) {
        return new ContainerUnderTest(ContainerSystem.spec(name, image), Framing.lengthPrefixed(2), Codec.json());
    }

    /** A container from an image built from a directory with a Dockerfile, once per content. */
    public static ContainerUnderTest image(String name, Image image) {
        return new ContainerUnderTest(ContainerSystem.spec(name, image), Framing.lengthPrefixed(2), Codec.json());
    }

    /** A container from an image a future builds, e.g. Testcontainers' {@code ImageFromDockerfile}. */
    public static ContainerUnderTest image(String name, java.util.concurrent.Future<String> image) {
        return new ContainerUnderTest(ContainerSystem.spec(name, image), Framing.lengthPrefixed(2), Codec.json());
    }

    private ContainerUnderTest with(UnaryOperator<ContainerSpec> change) {
        return new ContainerUnderTest(change.apply(spec), framing, codec);
    }

    /** Replaces the image's default command. */
    public ContainerUnderTest command(String... command) {
        return with(s -> s.command(command));
    }

    /** Appends arguments, as {@link SystemUnderTest#args}: a declared {@link Addressable} stands for its address. */
    public ContainerUnderTest args(Object... args) {
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = lazy(args[i]);
        }
        return with(s -> s.args(resolved));
    }

    /** Appends an option and a value computed when the container starts. */
    public ContainerUnderTest arg(String option, Supplier<?> value) {
        return with(s -> s.args(option, value));
    }

    /** Sets an environment variable of the container (same value kinds as {@link #args}). */
    public ContainerUnderTest env(String name, Object value) {
        Object resolved = lazy(value);
        return with(s -> s.env(name, resolved));
    }

    // An address exists only once it runs: pass it as a supplier, asked for at start.
    private static Object lazy(Object value) {
        if (value instanceof Addressable addressable) {
            return (Supplier<String>) addressable::address;
        }
        return value;
    }

    /** The port it listens on, when fixed. */
    public ContainerUnderTest port(int port) {
        return with(s -> s.port(port));
    }

    /** When the container counts as ready; until then the test does not start. */
    public ContainerUnderTest readyWhen(Ready ready) {
        return with(s -> s.readyWhen(ready));
    }

    /** How long readiness may take (default 60 s) for conditions without their own timeout. */
    public ContainerUnderTest readyTimeout(Duration timeout) {
        return with(s -> s.readyTimeout(timeout));
    }

    /** How long a polite stop may take before Docker kills (default 5 s). */
    public ContainerUnderTest stopGrace(Duration grace) {
        return with(s -> s.stopGrace(grace));
    }

    /** How many of the last output lines the record keeps (default 200). */
    public ContainerUnderTest outputTail(int lines) {
        return with(s -> s.outputTail(lines));
    }

    /** Whether output lines are printed to the console as they come, prefixed with the name. */
    public ContainerUnderTest echoOutput(boolean echo) {
        return with(s -> s.echoOutput(echo));
    }

    /** The protocol {@link Connect} clients speak to it (default: 2-byte length-prefixed JSON). */
    public ContainerUnderTest protocol(Framing framing, Codec codec) {
        return new ContainerUnderTest(spec, framing, codec);
    }

    /** The running container. */
    public ContainerSystem container() {
        return running();
    }

    /** What the container has written so far. */
    public ProcessOutput output() {
        return running().output();
    }

    @Override
    public String host() {
        return running().host();
    }

    @Override
    public int port() {
        ContainerSystem container = running();
        if (container.port().isEmpty()) {
            container.address(); // throws, saying how to give the container a port
        }
        return container.port().getAsInt();
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
        stopWith(recorder, ContainerSystem::close, container -> recorder.add(container.toRecord()));
    }

    @Override
    public void stopInBackground(ScopeRecorder recorder) {
        stopInBackgroundWith(recorder, ContainerSystem::close, container -> recorder.add(container.toRecord()));
    }

    @Override
    public String diagnostics() {
        return diagnostics(null);
    }

    @Override
    public java.util.Optional<String> headline(java.time.Instant failedAt) {
        ContainerSystem container = last();
        return container == null ? java.util.Optional.empty() : facts(container).headline(failedAt);
    }

    private static dev.jig.junit.internal.SystemFacts facts(ContainerSystem container) {
        return new dev.jig.junit.internal.SystemFacts(container.name(), container.isAlive(), container.exitCode(),
                container.exitedAt(), container.exitedOnItsOwn());
    }

    @Override
    public String diagnostics(java.time.Instant failedAt) {
        ContainerSystem container = last();
        if (container == null) {
            return "";
        }
        String state = facts(container).state(failedAt);
        String tail = container.output().tailText(DIAGNOSTIC_LINES);
        return name() + " (container " + container.containerId() + " of " + container.image() + ", " + state
                + "), last " + DIAGNOSTIC_LINES + " lines of output:\n"
                + (tail.isEmpty() ? "  (no output)" : tail.indent(2).stripTrailing());
    }
}
