package dev.jig.container;

import dev.jig.process.ProcessOutput;
import dev.jig.process.ReadyCapture;
import dev.jig.process.ProcessSupport;
import dev.jig.record.OutputLine;
import dev.jig.record.ProcessRecord;
import dev.jig.record.Secrets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A system under test running in a container, started by {@link ContainerSpec#start()}: the same contract
 * as {@link dev.jig.process.SystemProcess}. Closing it stops and removes the container.
 *
 * <pre>{@code
 * try (ContainerSystem atm = ContainerSystem.spec("atm", "jig/atm:1")
 *         .args("--bank", bankAddress, "--port", "0")
 *         .readyWhen(Ready.logLine("listening on port (\\d+)"))
 *         .start()) {
 *     client.connect(atm.address());
 * }   // docker stop (SIGTERM, then SIGKILL after the grace period), then docker rm
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ContainerSystem implements AutoCloseable {

    /** How long to wait for the log stream to end after an exit, so messages show the last lines. */
    static final Duration DRAIN = Duration.ofSeconds(1);

    private final String name;
    private final String image;
    private final List<String> command;
    private final ProcessOutput output;
    private final Duration stopGrace;
    private final int outputTail;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile java.time.Instant exitedAt;
    private final CompletableFuture<Void> logEnd = new CompletableFuture<>();
    private final Object stopLock = new Object();
    private volatile DockerContainer container;
    private volatile long hostPid = -1;
    private final ReadyCapture ready;
    private volatile Runnable unregister = () -> { };
    private volatile boolean stopped;

    ContainerSystem(String name, String image, List<String> command, ProcessOutput output, Integer port,
                    Duration stopGrace, int outputTail) {
        this.name = name;
        this.image = image;
        this.command = List.copyOf(command);
        this.output = output;
        this.ready = new ReadyCapture(port);
        this.stopGrace = stopGrace;
        this.outputTail = outputTail;
    }

    /** A container from an image by name (present locally, or pullable), e.g. {@code "jig/atm:1"}. */
    public static ContainerSpec spec(String name, String image) {
        return new ContainerSpec(name, ImageSource.named(image));
    }

    /** A container from an image built from a directory with a Dockerfile, once per content. */
    public static ContainerSpec spec(String name, Image image) {
        return new ContainerSpec(name, ImageSource.of(image));
    }

    /** A container from an image that a future builds, e.g. Testcontainers' {@code ImageFromDockerfile}. */
    public static ContainerSpec spec(String name, java.util.concurrent.Future<String> image) {
        return new ContainerSpec(name, ImageSource.of(image));
    }

    /** The name the user gave, e.g. {@code "atm"}. */
    public String name() {
        return name;
    }

    /** The image it runs, e.g. {@code "jig/atm:3f2a1b0c"}. */
    public String image() {
        return image;
    }

    /** The container id, once created. */
    public String containerId() {
        DockerContainer known = container;
        return known == null || known.id() == null ? "" : known.id();
    }

    /** The command passed to the image (empty: the image's default), after values were resolved. */
    public List<String> command() {
        return command;
    }

    /** The port: the fixed or {@code FREE_PORT} value, or one captured by {@code Ready.logLine}. */
    public OptionalInt port() {
        return ready.port();
    }

    /** Always {@code "127.0.0.1"}: the container shares the host's network. */
    public String host() {
        return ReadyCapture.HOST;
    }

    /**
     * {@code "127.0.0.1:<port>"}.
     *
     * @throws IllegalStateException if no port is known
     */
    public String address() {
        return ready.address(name, "Give it one with port(...), pass ProcessSpec.FREE_PORT in its args or env, "
                + "or wait for Ready.logLine(...) with a group that captures the port.");
    }

    /** A named group of the log line that made the container ready. */
    public Optional<String> captured(String group) {
        return ready.group(group);
    }

    /** Groups 1..n of the log line that made the container ready; empty if there was none. */
    public List<String> captured() {
        return ready.groups();
    }

    /** What the container printed so far, line by line with timestamps. */
    public ProcessOutput output() {
        return output;
    }

    /** Whether its main process still runs. */
    public boolean isAlive() {
        return container != null && !exit.isDone();
    }

    /** When Jig saw its main process exit, if it has. */
    public Optional<java.time.Instant> exitedAt() {
        return Optional.ofNullable(exitedAt);
    }

    /** Whether it exited by itself, not because Jig stopped it. */
    public boolean exitedOnItsOwn() {
        return exit.isDone() && !stopped;
    }

    /** The exit code, once it has exited. */
    public OptionalInt exitCode() {
        Integer code = exit.getNow(null);
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /**
     * Stops the container politely ({@code docker stop}: SIGTERM, SIGKILL after the grace period), then
     * removes it. Safe to call again and on a container that already exited.
     *
     * @return the exit code, or -1 if Docker could not tell it
     */
    public int stop() {
        synchronized (stopLock) {
            if (!stopped) {
                stopped = true;
                DockerContainer known = container;
                try {
                    if (known != null && known.id() != null) {
                        Integer code = known.stop(stopGrace);
                        exited(code == null ? -1 : code);
                    }
                } finally {
                    release(known);
                }
            }
        }
        return exitCode().orElse(-1);
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** What the record of the test keeps: kind "container", image, masked command, exit code, output tail. */
    public ProcessRecord toRecord() {
        List<String> tail = output.tail(outputTail).stream().map(OutputLine::formatted).collect(Collectors.toList());
        OptionalInt code = exitCode();
        return new ProcessRecord(name, Secrets.maskCommand(command), hostPid,
                code.isPresent() ? code.getAsInt() : null, tail,
                output.truncated() || output.lines().size() > outputTail, ProcessRecord.CONTAINER, image);
    }

    @Override
    public String toString() {
        return "ContainerSystem[" + name + ", " + image + ", " + identity() + (isAlive() ? ", running]" : ", exited]");
    }

    // For the launcher, the readiness target and the shutdown hook.

    void attach(DockerContainer started, Runnable unregisterAction) {
        container = started;
        unregister = unregisterAction;
        hostPid = started.hostPid();
        Thread watcher = new Thread(() -> {
            Integer code = started.awaitExit();
            exited(code == null ? -1 : code);
        }, "jig-" + name + "-exit");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** "container 3f2a1b0c9d8e", for messages. */
    String identity() {
        String id = containerId();
        return "container " + (id.length() > 12 ? id.substring(0, 12) : id);
    }

    void captureMatch(Matcher match, Integer capturedPort) {
        ready.capture(match, capturedPort);
    }

    void onExit(Runnable action) {
        exit.thenRun(action);
    }

    void logEnded() {
        logEnd.complete(null);
    }

    void drainOutput(Duration timeout) {
        try {
            logEnd.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // the stream did not end in time: show what arrived
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes it at once, without a grace period: for the JVM's shutdown. */
    void kill() {
        synchronized (stopLock) {
            stopped = true;
            release(container);
        }
    }

    // Waiters for a line fail once the output ends, so it ends only after the last lines had time to arrive.
    private void exited(int code) {
        if (exit.complete(code)) {
            exitedAt = java.time.Instant.now();
            drainOutput(DRAIN);
            ProcessSupport.endOutput(output, "exited with code " + code);
        }
    }

    private void release(DockerContainer known) {
        try {
            if (known != null) {
                known.remove();
            }
        } finally {
            unregister.run();
            RunningContainers.remove(this);
        }
    }
}
