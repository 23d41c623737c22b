package dev.jig.system.process;

import dev.jig.leftover.Containment;
import dev.jig.record.OutputLine;
import dev.jig.system.Signal;
import dev.jig.system.internal.ExitWatch;
import dev.jig.system.internal.Instance;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One spawned process and everything it started; signals go through {@code kill -s}. */
final class ProcessInstance implements Instance {

    /** Processes are reached on loopback. */
    private static final String HOST = "127.0.0.1";
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(5);

    private final Process process;
    private final List<String> command;
    private final String registryId;
    private final List<Thread> readers = new ArrayList<>();
    private final ExitWatch exit;
    // Descendants seen while running: a child that outlives its parent can no longer be found from it.
    private final Set<ProcessHandle> knownDescendants = ConcurrentHashMap.newKeySet();

    private final Containment containment;
    private volatile String stoppedBy;

    private ProcessInstance(String name, Process process, List<String> command, Containment containment) {
        this.process = process;
        this.containment = containment;
        this.command = List.copyOf(command);
        this.registryId = ProcessBackend.registryId(process.toHandle());
        this.exit = ExitWatch.start(name, this::waitForExit);
    }

    /** Wraps a just-spawned process and starts reading its output. */
    static ProcessInstance attach(String name, Process process, List<String> command, Consumer<OutputLine> output,
                                  Containment containment) {
        ProcessInstance instance = new ProcessInstance(name, process, command, containment);
        instance.readers.add(OutputReader.start(name, process.getInputStream(), OutputLine.Stream.OUT, output));
        instance.readers.add(OutputReader.start(name, process.getErrorStream(), OutputLine.Stream.ERR, output));
        return instance;
    }

    @Override
    public String registryId() {
        return registryId;
    }

    @Override
    public String identity() {
        return "pid " + process.pid();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public List<String> command() {
        return command;
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    @Override
    public void onExit(Runnable action) {
        exit.onExit(action);
    }

    @Override
    public void signal(Signal signal) {
        send(signal, List.of(process.toHandle()));
    }

    @Override
    public void pause() {
        rememberDescendants();
        send(Signal.STOP, treeNow());
    }

    @Override
    public void resume() {
        send(Signal.CONT, treeNow());
    }

    /**
     * Its process tree, every process that carries its environment cookie (daemons, {@code setsid} grandchildren,
     * children forked during the grace) and, where it has one, everything in its cgroup; {@link #stoppedBy()} says
     * which was needed.
     */
    @Override
    public Integer stop(Duration grace) {
        try {
            stoppedBy = containment.stop(treeNow(), grace);
        } finally {
            closeStdin();
        }
        return awaitExitCode();
    }

    @Override
    public String stoppedBy() {
        return stoppedBy;
    }

    @Override
    public void kill() {
        try {
            containment.kill(treeNow());
        } finally {
            closeStdin();
        }
    }

    @Override
    public void drainOutput(Duration timeout) {
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

    @Override
    public void beforeCheck() {
        rememberDescendants();
    }

    @Override
    public Optional<ProcessHandle> rootProcess() {
        return Optional.of(process.toHandle());
    }

    /** Notes the current descendants, so that they can be stopped even after their parent exited. */
    private void rememberDescendants() {
        if (process.isAlive()) {
            process.descendants().forEach(knownDescendants::add);
        }
    }

    private List<ProcessHandle> treeNow() {
        List<ProcessHandle> tree = ProcessTree.snapshot(process.toHandle());
        knownDescendants.stream().filter(h -> !tree.contains(h)).forEach(tree::add);
        return tree;
    }

    /** {@code kill -s <SIG> <pids>}: Java can send only TERM and KILL itself. */
    private static void send(Signal signal, List<ProcessHandle> targets) {
        List<String> command = new ArrayList<>(List.of("kill", "-s", signal.shortName()));
        targets.stream().filter(ProcessHandle::isAlive).forEach(h -> command.add(Long.toString(h.pid())));
        if (command.size() == 3) {
            throw new IllegalStateException("Cannot send SIG" + signal.shortName() + ": the process has exited.");
        }
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(SIGNAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("'" + String.join(" ", command) + "' did not return within "
                        + SIGNAL_TIMEOUT.toSeconds() + " s");
            }
            String said = new String(kill.getInputStream().readAllBytes()).trim();
            // A descendant may end between the listing and the signal: only the root's absence is a failure.
            if (kill.exitValue() != 0 && (targets.size() == 1 || !targets.get(0).isAlive())) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed with exit code "
                        + kill.exitValue() + (said.isEmpty() ? "" : ": " + said));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run 'kill' to send SIG" + signal.shortName() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending SIG" + signal.shortName(), e);
        }
    }

    private void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // stdin of a dead process; nothing to do
        }
    }

    private int waitForExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitWatch.UNKNOWN;
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
        throw new IllegalStateException("pid " + process.pid() + " is still running after Jig killed it;"
                + " stop it by hand: kill -9 " + process.pid());
    }
}
