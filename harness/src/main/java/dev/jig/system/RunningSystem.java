package dev.jig.system;

import dev.jig.profile.SystemProfiler;
import dev.jig.record.OutputLine;
import dev.jig.record.ProcessRecord;
import dev.jig.record.Secrets;
import dev.jig.record.SystemProfileRecord;
import dev.jig.record.Timeline;
import dev.jig.system.internal.ExitWatch;
import dev.jig.system.internal.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A running system under test, started by {@link SystemSpec#start()}, whatever runs it. Closing it stops the
 * system and everything it started. Control actions ({@link #signal}, {@link #kill}, {@link #restart},
 * {@link #pause}, {@link #resume}, {@link #awaitExit}) are phases on a timeline: the one it was started on, or
 * the one given.
 *
 * <pre>{@code
 * try (RunningSystem atm = spec.start()) {
 *     client.connect(atm.address());
 *     atm.signal(Signal.HUP);
 * }   // SIGTERM to the whole tree (docker stop), then SIGKILL after the grace period
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class RunningSystem implements AutoCloseable {

    private final SystemSpec spec;
    private final int freePort;
    private final Timeline startTimeline;
    private final SystemOutput output;
    private final Object lock = new Object();
    private volatile ReadyCapture capture;
    private volatile Instance instance;
    private volatile CompletableFuture<Instant> exited = new CompletableFuture<>();
    private volatile Runnable unregister = () -> { };
    private volatile SystemProfiler profiler;
    private volatile boolean stopped;
    private volatile boolean stopRequested;
    private volatile boolean paused;
    private volatile String stoppedBy;
    private volatile int restarts;
    private volatile int publishedAt = -1;

    RunningSystem(SystemSpec spec, int freePort, Timeline startTimeline, SystemOutput output) {
        this.spec = spec;
        this.freePort = freePort;
        this.startTimeline = startTimeline;
        this.output = output;
        this.capture = new ReadyCapture(initialPort());
    }

    /** The name the user gave, e.g. {@code "atm"}. */
    public String name() {
        return spec.name();
    }

    /** {@code "process"} or {@code "container"}. */
    public String kind() {
        return spec.launch().backend().kind();
    }

    /** How messages name it, e.g. {@code "pid 4242"} or {@code "container 3f2a1b0c9d8e of image jig/atm:1"}. */
    public String identity() {
        return current().identity();
    }

    /** The process id as this host sees it (of a container: its main process), or -1. */
    public long pid() {
        return current().pid();
    }

    /** The container id, for a container system. */
    public Optional<String> containerId() {
        return Optional.ofNullable(current().containerId());
    }

    /** The container image, for a container system. */
    public Optional<String> image() {
        return Optional.ofNullable(current().image());
    }

    /** The command as run, after suppliers and {@link SystemSpec#FREE_PORT} were resolved (unmasked). */
    public List<String> command() {
        return current().command();
    }

    /** The port it listens on: fixed, the {@link SystemSpec#FREE_PORT} value, or captured by {@link Ready#logLine}. */
    public OptionalInt port() {
        return capture.port();
    }

    /** The host the test reaches it on, e.g. {@code "127.0.0.1"}. */
    public String host() {
        return current().host();
    }

    /**
     * {@code "<host>:<port>"}, what the test connects to.
     *
     * @throws IllegalStateException if no port is known
     */
    public String address() {
        OptionalInt port = capture.port();
        if (port.isEmpty()) {
            throw new IllegalStateException(name() + " has no known port, so it has no address. Give it one with "
                    + "port(...), pass SystemSpec.FREE_PORT in its args or env, or wait for Ready.logLine(...) with a "
                    + "group that captures the port, e.g. \"listening on port (\\\\d+)\".");
        }
        return host() + ":" + current().hostPort(port.getAsInt());
    }

    /** A named group of the log line that made it ready. */
    public Optional<String> captured(String group) {
        return capture.group(group);
    }

    /** Groups 1..n of the log line that made it ready; empty if there was none. */
    public List<String> captured() {
        return capture.groups();
    }

    /** What it printed so far, across restarts. */
    public SystemOutput output() {
        return output;
    }

    /** Whether it still runs (a process: the process itself, not its children). */
    public boolean isAlive() {
        return current().isAlive();
    }

    /** Whether it is paused by {@link #pause()}. */
    public boolean isPaused() {
        return paused;
    }

    /** The exit code, once it has exited. */
    public OptionalInt exitCode() {
        return current().exitCode();
    }

    /** When Jig saw it exit, if it has. */
    public Optional<Instant> exitedAt() {
        return Optional.ofNullable(exited.getNow(null));
    }

    /** Whether it exited by itself, not because Jig stopped or killed it. */
    public boolean exitedOnItsOwn() {
        return exited.isDone() && !stopRequested;
    }

    /** The timeline it was started on, where control actions without one of their own are recorded. */
    public Timeline timeline() {
        return startTimeline;
    }

    /** How many times it was restarted. */
    public int restarts() {
        return restarts;
    }

    /** Sends {@code signal}, as the phase {@code "signal <SIG> <name>"} on the timeline it was started on. */
    public void signal(Signal signal) {
        signal(signal, startTimeline);
    }

    /** Sends {@code signal}, as the phase {@code "signal <SIG> <name>"} on {@code timeline}. */
    public void signal(Signal signal, Timeline timeline) {
        java.util.Objects.requireNonNull(signal, "signal");
        try (Timeline.Span span = timeline.span("signal " + signal.shortName() + " " + name())) {
            current().signal(signal);
        }
    }

    /**
     * Kills it at once, with everything it started (SIGKILL; {@code docker kill}), as a crash would: the record
     * says {@code "killed"}. Phase {@code "kill <name>"}. It stays known (output, exit code) and can be
     * {@link #restart}ed.
     */
    public void kill() {
        kill(startTimeline);
    }

    /** {@link #kill()}, as a phase on {@code timeline}. */
    public void kill(Timeline timeline) {
        try (Timeline.Span span = timeline.span("kill " + name())) {
            stopRequested = true;
            stoppedBy = ProcessRecord.KILLED;
            current().kill();
            awaitExit(Duration.ofSeconds(5));
        }
    }

    /**
     * Freezes it (SIGSTOP to its process tree; {@code docker pause}) to simulate a hung system: it keeps its
     * connections but answers nothing until {@link #resume()}. Phase {@code "pause <name>"}.
     */
    public void pause() {
        pause(startTimeline);
    }

    /** {@link #pause()}, as a phase on {@code timeline}. */
    public void pause(Timeline timeline) {
        try (Timeline.Span span = timeline.span("pause " + name())) {
            current().pause();
            paused = true;
        }
    }

    /** Thaws it after {@link #pause()}. Phase {@code "resume <name>"}. */
    public void resume() {
        resume(startTimeline);
    }

    /** {@link #resume()}, as a phase on {@code timeline}. */
    public void resume(Timeline timeline) {
        try (Timeline.Span span = timeline.span("resume " + name())) {
            current().resume();
            paused = false;
        }
    }

    /**
     * Stops it politely and starts it again with the same options, then waits for readiness: the phases
     * {@code "restart <name>"}, {@code "start <name>"}, {@code "ready <name>"}. A {@link SystemSpec#FREE_PORT} keeps
     * its value and a fixed port stays, so {@link #address()} stays the same; a port captured from a log line is
     * captured again and may change. Suppliers in args and env are asked again. Output goes on in the same
     * {@link #output()}. Works after {@link #kill()} and after the system exited by itself.
     *
     * @throws SystemStartException if it does not start or become ready again (it is stopped then)
     */
    public void restart() {
        restart(startTimeline);
    }

    /** {@link #restart()}, with its phases on {@code timeline}. */
    public void restart(Timeline timeline) {
        synchronized (lock) {
            if (stopped) {
                throw new IllegalStateException(name() + " was stopped; a stopped system is not restarted. "
                        + "Start its spec again instead.");
            }
            try (Timeline.Span span = timeline.span("restart " + name())) {
                publishedAt = hostPortOf(initialPort());
                stopRequested = true;
                // Also when it already died: a container is removed only by its stop.
                current().stop(spec.stopGraceValue());
                awaitExit(Duration.ofSeconds(5));
                unregister.run();
                unregister = () -> { };
                restarts++;
                paused = false;
                stoppedBy = null;
                stopRequested = false;
                capture = new ReadyCapture(initialPort());
                exited = new CompletableFuture<>();
                output.reopen();
            }
            Launcher.startInstance(this, timeline);
        }
    }

    /**
     * Waits up to {@code timeout} for it to exit (e.g. after a signal it should die of); returns whether it has.
     */
    public boolean awaitExit(Duration timeout) {
        return ExitWatch.await(exited, timeout.toMillis());
    }

    /**
     * A thread dump of it if it is a JVM on this host ({@code jcmd <pid> Thread.print}), waiting at most
     * {@code timeout}; empty otherwise or when the JVM does not answer.
     */
    public Optional<String> threadDump(Duration timeout) {
        return isAlive() ? current().rootProcess()
                .flatMap(root -> dev.jig.support.ThreadDumps.ofJvmProcess(root, timeout)) : Optional.empty();
    }

    /**
     * Stops it and all it started: the polite signal (SIGTERM) first, then a kill for whatever still runs after
     * the stop grace; a container is then removed. Safe to call again and after it exited.
     *
     * @return the exit code, or -1 if it could not be told
     */
    public int stop() {
        synchronized (lock) {
            if (!stopped) {
                stopped = true;
                stopRequested = true;
                try {
                    if (paused) {
                        current().resume(); // a frozen system cannot react to SIGTERM
                    }
                    if (profiler != null) {
                        profiler.sampleNow(); // the tree's CPU and memory vanish with it
                    }
                    if (stoppedBy == null && current().isAlive()) {
                        stoppedBy = ProcessRecord.STOPPED;
                    }
                    Integer code = current().stop(spec.stopGraceValue());
                    if (code != null) {
                        awaitExit(Duration.ofSeconds(1));
                    }
                } finally {
                    release();
                }
            }
        }
        return exitCode().orElse(-1);
    }

    /**
     * Its own profile, when its spec was {@link SystemSpec#profiled()}; stops it first if it still runs (a JVM
     * writes its flight recording as it exits). Covers the run up to the first restart.
     */
    public Optional<SystemProfileRecord> profile() {
        SystemProfiler known = profiler;
        if (known == null) {
            return Optional.empty();
        }
        stop();
        return Optional.of(known.finish());
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** What the record of the test keeps: kind, masked command, exit code, how it ended, the output's tail. */
    public ProcessRecord toRecord() {
        int tailLines = spec.outputTailValue();
        List<String> tail = output.tail(tailLines).stream().map(OutputLine::formatted).collect(Collectors.toList());
        Instance known = current();
        OptionalInt exit = known.exitCode();
        String ended = exit.isEmpty() ? null : stoppedBy != null ? stoppedBy : ProcessRecord.EXITED;
        return new ProcessRecord(name(), Secrets.maskCommand(known.command()), known.pid(),
                exit.isPresent() ? exit.getAsInt() : null, tail, output.truncated() || output.count() > tailLines,
                kind(), known.image(), known.stoppedBy(), ended, restarts);
    }

    @Override
    public String toString() {
        return "RunningSystem[" + name() + ", " + identity() + (isAlive() ? ", running]" : ", exited]");
    }

    // For the launcher and the shutdown hook.

    SystemSpec spec() {
        return spec;
    }

    int freePort() {
        return freePort;
    }

    /** Makes {@code started} the current instance: its exit ends the output, unless a restart replaced it. */
    void attach(Instance started, Runnable unregisterAction) {
        instance = started;
        unregister = unregisterAction;
        CompletableFuture<Instant> exitOfThis = exited;
        started.onExit(() -> {
            Instant at = Instant.now();
            started.drainOutput(ReadinessWait.DRAIN);
            if (instance == started) {
                output.end("exited with code " + started.exitCode().orElse(-1));
            }
            exitOfThis.complete(at);
        });
    }

    boolean hasInstance() {
        return instance != null;
    }

    Instance current() {
        Instance known = instance;
        if (known == null) {
            throw new IllegalStateException(name() + " has not been spawned yet");
        }
        return known;
    }

    void captureMatch(Matcher match, Integer capturedPort) {
        capture.capture(match, capturedPort);
    }

    void profileWith(SystemProfiler systemProfiler) {
        if (profiler == null) {
            profiler = systemProfiler;
        } else {
            systemProfiler.close(); // the profile covers the first run
        }
    }

    /** Kills it at once, without a grace period: for the JVM's shutdown. */
    void killAtShutdown() {
        synchronized (lock) {
            stopped = true;
            try {
                if (instance != null) {
                    instance.kill();
                    instance.stop(Duration.ofMillis(1)); // removes a container; a killed process is gone at once
                }
            } finally {
                release();
            }
        }
    }

    /**
     * The host port the test reaches {@code port} at on the current instance, or -1: what a container on a bridge
     * publishes it on again after a restart (the other backends reach it at the port itself and ignore this).
     */
    private int hostPortOf(Integer port) {
        if (port == null) {
            return -1;
        }
        try {
            return current().hostPort(port);
        } catch (IllegalStateException e) {
            return -1; // not published
        }
    }

    /** For a restart: the host port the previous instance published the system's port on, or -1. */
    int publishedAt() {
        return publishedAt;
    }

    private Integer initialPort() {
        return freePort > 0 ? Integer.valueOf(freePort) : spec.fixedPort();
    }

    private void release() {
        unregister.run();
        RunningSystems.remove(this);
        SystemProfiler known = profiler;
        if (known != null) {
            known.close(); // stops the CPU sampler; the recording is read by profile()
        }
    }
}
