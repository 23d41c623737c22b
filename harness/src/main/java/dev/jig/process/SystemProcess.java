package dev.jig.process;

import dev.jig.leftover.Containment;
import dev.jig.profile.SystemProfiler;
import dev.jig.record.OutputLine;
import dev.jig.record.ProcessRecord;
import dev.jig.record.Secrets;
import dev.jig.record.SystemProfileRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A running system under test, started by {@link ProcessSpec#start()}. Closing it stops the process
 * and everything it started.
 *
 * <pre>{@code
 * try (SystemProcess atm = spec.start()) {
 *     client.connect(atm.address());
 * }   // SIGTERM to the whole tree, then SIGKILL after the grace period
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SystemProcess implements AutoCloseable {

    /** Systems are reached on loopback only. */
    static final String HOST = ReadyCapture.HOST;

    private final String name;
    private final Process process;
    private final List<String> command;
    private final ProcessOutput output;
    private final Duration stopGrace;
    private final int outputTail;
    private final List<Thread> readers = new ArrayList<>();
    // Descendants seen while running: a child that outlives its parent can no longer be found from it.
    private final Set<ProcessHandle> knownDescendants = ConcurrentHashMap.newKeySet();
    private final Object stopLock = new Object();
    private final ReadyCapture ready;
    private final Containment containment;
    private volatile String stoppedBy;
    private volatile Runnable unregister = () -> { };
    private volatile SystemProfiler profiler;
    private boolean stopped;
    private volatile java.time.Instant exitedAt;
    private volatile boolean stopRequested;

    private SystemProcess(String name, Process process, List<String> command, ProcessOutput output,
                          Integer port, Duration stopGrace, int outputTail, Containment containment) {
        this.name = name;
        this.process = process;
        this.command = List.copyOf(command);
        this.output = output;
        this.ready = new ReadyCapture(port);
        this.stopGrace = stopGrace;
        this.outputTail = outputTail;
        this.containment = containment;
    }

    /** Wraps a just-spawned process and starts reading its output. */
    static SystemProcess attach(String name, Process process, List<String> command, ProcessOutput output,
                                Integer port, Duration stopGrace, int outputTail, Containment containment) {
        SystemProcess system = new SystemProcess(name, process, command, output, port, stopGrace, outputTail,
                containment);
        system.readers.add(OutputReader.start(name, process.getInputStream(), OutputLine.Stream.OUT, output));
        system.readers.add(OutputReader.start(name, process.getErrorStream(), OutputLine.Stream.ERR, output));
        Thread watcher = new Thread(system::watchExit, "jig-" + name + "-exit");
        watcher.setDaemon(true);
        watcher.start();
        return system;
    }

    /** The name the user gave, e.g. {@code "atm"}. */
    public String name() {
        return name;
    }

    /** The operating-system process id. */
    public long pid() {
        return process.pid();
    }

    /** The command as run, after suppliers and {@link ProcessSpec#FREE_PORT} were resolved (unmasked). */
    public List<String> command() {
        return command;
    }

    /** The port: the {@link ProcessSpec#FREE_PORT} value, or one captured by {@link Ready#logLine}. */
    public OptionalInt port() {
        return ready.port();
    }

    /** Always {@code "127.0.0.1"}: systems are reached on loopback. */
    public String host() {
        return HOST;
    }

    /**
     * {@code "127.0.0.1:<port>"}.
     *
     * @throws IllegalStateException if no port is known
     */
    public String address() {
        return ready.address(name, "Pass ProcessSpec.FREE_PORT in its args or env, or wait for "
                + "Ready.logLine(...) with a group that captures the port, e.g. \"listening on port (\\\\d+)\".");
    }

    /** A named group of the log line that made the process ready. */
    public Optional<String> captured(String group) {
        return ready.group(group);
    }

    /** Groups 1..n of the log line that made the process ready; empty if there was none. */
    public List<String> captured() {
        return ready.groups();
    }

    /** What the process printed so far. */
    public ProcessOutput output() {
        return output;
    }

    /** Whether the process itself (not its children) is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, once the process has exited. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** When Jig saw the process exit, if it has. */
    public Optional<java.time.Instant> exitedAt() {
        if (exitedAt == null && !process.isAlive()) {
            exitedAt = java.time.Instant.now(); // exited a moment ago; the exit watcher has not run yet
        }
        return Optional.ofNullable(exitedAt);
    }

    /**
     * Waits up to {@code timeout} for the process to exit (for a failure that may be its death, seen a moment
     * before the exit itself); returns whether it has exited.
     */
    public boolean awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                if (exitedAt == null) {
                    exitedAt = java.time.Instant.now();
                }
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Whether the process exited by itself, not because Jig stopped it. */
    public boolean exitedOnItsOwn() {
        return exitedAt != null && !stopRequested;
    }

    /**
     * A thread dump of the process if it is a JVM ({@code jcmd <pid> Thread.print}), waiting at most
     * {@code timeout}; empty for other processes or when the JVM does not answer.
     */
    public Optional<String> threadDump(Duration timeout) {
        return isAlive() ? dev.jig.support.ThreadDumps.ofJvmProcess(process.toHandle(), timeout) : Optional.empty();
    }

    /**
     * Stops the process and all its descendants: the polite signal (SIGTERM) first, then a kill for
     * whatever is still running after the stop grace period. Descendants are its process tree, every process
     * that carries its environment cookie (daemons, {@code setsid} grandchildren, children forked during the
     * grace) and, where it has one, everything in its cgroup; {@link ProcessRecord#stoppedBy()} says which was
     * needed. Safe to call again and on a process that already exited (what it left running is stopped).
     *
     * @return the exit code
     */
    public int stop() {
        synchronized (stopLock) {
            if (!stopped) {
                stopped = true;
                stopRequested = true;
                try {
                    if (profiler != null) {
                        profiler.sampleNow(); // the tree's CPU and memory vanish with it
                    }
                    stoppedBy = containment.stop(treeNow(), stopGrace);
                } finally {
                    release();
                }
            }
        }
        return awaitExitCode();
    }

    /**
     * The system's own profile, when its spec was {@link ProcessSpec#profiled()}; stops the process first if it
     * still runs (a JVM writes its flight recording as it exits). Reading the recording happens here.
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

    /** What the record of the test keeps: masked command, exit code, the tail of the output, how it was stopped. */
    public ProcessRecord toRecord() {
        List<String> tail = output.tail(outputTail).stream().map(OutputLine::formatted)
                .collect(Collectors.toList());
        OptionalInt exit = exitCode();
        return new ProcessRecord(name, Secrets.maskCommand(command), pid(),
                exit.isPresent() ? exit.getAsInt() : null, tail,
                output.truncated() || output.count() > outputTail, ProcessRecord.PROCESS, null, stoppedBy);
    }

    @Override
    public String toString() {
        return "SystemProcess[" + name + ", pid " + pid() + (isAlive() ? ", running]" : ", exited]");
    }

    /** Kills the tree at once, without a grace period: for the JVM's shutdown. */
    void kill() {
        synchronized (stopLock) {
            stopped = true;
            try {
                containment.kill(treeNow());
            } finally {
                release();
            }
        }
    }

    void captureMatch(Matcher match, Integer capturedPort) {
        ready.capture(match, capturedPort);
    }

    void profileWith(SystemProfiler systemProfiler) {
        profiler = systemProfiler;
    }

    ProcessHandle toHandle() {
        return process.toHandle();
    }

    void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    void setUnregister(Runnable action) {
        unregister = action;
    }

    /** Notes the current descendants, so that they can be stopped even after their parent exited. */
    void rememberDescendants() {
        if (process.isAlive()) {
            process.descendants().forEach(knownDescendants::add);
        }
    }

    /** Gives the reader threads up to {@code timeout} to read what the process wrote before it ended. */
    void drainOutput(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread reader : readers) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return;
            }
            try {
                reader.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<ProcessHandle> treeNow() {
        List<ProcessHandle> tree = ProcessTree.snapshot(process.toHandle());
        knownDescendants.stream().filter(h -> !tree.contains(h)).forEach(tree::add);
        return tree;
    }

    private void release() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // stdin of a dead process; nothing to do
        }
        unregister.run();
        RunningProcesses.remove(this);
        SystemProfiler known = profiler;
        if (known != null) {
            known.close(); // stops the CPU sampler; the recording is read by profile()
        }
    }

    private int awaitExitCode() {
        try {
            if (process.waitFor(ProcessTree.KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException(name + " (pid " + pid() + ") is still running after Jig killed it;"
                + " stop it by hand: kill -9 " + pid());
    }

    private void watchExit() {
        try {
            int code = process.waitFor();
            exitedAt = java.time.Instant.now();
            drainOutput(ReadinessWait.DRAIN);
            output.end("exited with code " + code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
