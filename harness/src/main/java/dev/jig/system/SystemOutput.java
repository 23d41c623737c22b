package dev.jig.system;

import dev.jig.record.OutputLine;
import dev.jig.record.Secrets;
import dev.jig.support.Durations;
import dev.jig.support.JigLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Everything a system wrote to stdout and stderr, line by line, with timestamps, across restarts. Thread-safe.
 * Memory is bounded: past the cap the oldest lines are dropped and {@link #truncated()} says so.
 *
 * <pre>{@code
 * OutputLine line = atm.output().awaitLine("connected to bank", Duration.ofSeconds(5));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class SystemOutput {

    /** How many lines are kept at most. */
    public static final int DEFAULT_CAPACITY = 100_000;

    /** How many lines failure messages show. */
    static final int MESSAGE_LINES = 20;

    private final String name;
    private final int capacity;
    private final Object lock = new Object();
    private final List<Consumer<OutputLine>> listeners = new CopyOnWriteArrayList<>();
    // A list with a moving head rather than a deque: awaitLine needs indexed access.
    private final ArrayList<OutputLine> buffer = new ArrayList<>();
    private int head;
    private long dropped;
    private String ending;
    /** The sequence number of the first line of the current run (after a restart, of the new one). */
    private long runStart;

    SystemOutput(String name, int capacity) {
        this.name = Objects.requireNonNull(name, "name");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** All lines kept, oldest first. */
    public List<OutputLine> lines() {
        synchronized (lock) {
            return List.copyOf(buffer.subList(head, buffer.size()));
        }
    }

    /** The last {@code n} lines kept (fewer if fewer arrived), oldest first. */
    public List<OutputLine> tail(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, got " + n);
        }
        synchronized (lock) {
            int from = Math.max(head, buffer.size() - n);
            return List.copyOf(buffer.subList(from, buffer.size()));
        }
    }

    /** Whether older lines were dropped because more than the cap arrived. */
    public boolean truncated() {
        synchronized (lock) {
            return dropped > 0;
        }
    }

    /** The last {@code n} lines, formatted as {@link OutputLine#formatted()}, joined by '\n'. */
    public String tailText(int n) {
        StringBuilder text = new StringBuilder();
        for (OutputLine line : tail(n)) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(line.formatted());
        }
        return Secrets.mask(text.toString());
    }

    /**
     * Waits for a line (already printed or still to come) in which {@code regex} is found.
     *
     * @throws OutputTimeoutException if none arrives within {@code timeout}, or at once when the
     *                                system has exited without printing one
     */
    public OutputLine awaitLine(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        Durations.positive(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        long next = 0;
        synchronized (lock) {
            while (true) {
                long first = dropped;
                for (long seq = Math.max(next, first); seq < first + size(); seq++) {
                    OutputLine line = buffer.get(head + (int) (seq - first));
                    if (pattern.matcher(line.text()).find()) {
                        return line;
                    }
                }
                next = first + size();
                if (ending != null) {
                    throw new OutputTimeoutException(name + " " + ending + " before printing a line matching '"
                            + regex + "'. " + tailForMessage(MESSAGE_LINES));
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new OutputTimeoutException("No line of " + name + " matched '" + regex + "' within "
                            + Durations.human(timeout) + ". " + tailForMessage(MESSAGE_LINES));
                }
                waitOnLock(remaining);
            }
        }
    }

    /**
     * Calls {@code listener} with every line from now on, on the reader thread; keep it quick.
     * Closing the returned handle unsubscribes.
     */
    public Subscription subscribe(Consumer<OutputLine> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many lines are kept now. */
    int count() {
        synchronized (lock) {
            return size();
        }
    }

    /** Adds a line; called by the reader threads. */
    void add(OutputLine line) {
        synchronized (lock) {
            buffer.add(line);
            if (size() > capacity) {
                head++;
                dropped++;
                // Compact now and then, so dropping stays cheap and memory stays bounded.
                if (head >= capacity) {
                    buffer.subList(0, head).clear();
                    head = 0;
                }
            }
            lock.notifyAll();
        }
        for (Consumer<OutputLine> listener : listeners) {
            try {
                listener.accept(line);
            } catch (RuntimeException e) {
                JigLog.warn("an output listener of " + name + " failed: " + e);
            }
        }
    }

    /** Marks the output complete, e.g. "exited with code 3"; waiters fail at once from now on. */
    void end(String how) {
        synchronized (lock) {
            if (ending == null) {
                ending = how;
            }
            lock.notifyAll();
        }
    }

    /** A restart begins: waiters wait again for what the new run prints. */
    void reopen() {
        synchronized (lock) {
            ending = null;
            runStart = dropped + size();
        }
    }

    /** The lines kept of the current run: after a restart, only what the new run printed. */
    List<OutputLine> linesOfThisRun() {
        synchronized (lock) {
            int skip = (int) Math.max(0, Math.min(size(), runStart - dropped));
            return List.copyOf(buffer.subList(head + skip, buffer.size()));
        }
    }

    /** "Last 20 lines of output:\n…", or a sentence saying there was none. */
    String tailForMessage(int n) {
        List<OutputLine> tail = tail(n);
        if (tail.isEmpty()) {
            return "It printed no output.";
        }
        String count = tail.size() == 1 ? "Last line" : "Last " + tail.size() + " lines";
        return count + " of output:\n" + tailText(n);
    }

    private int size() {
        return buffer.size() - head;
    }

    private void waitOnLock(long nanos) {
        try {
            long millis = Math.max(1, nanos / 1_000_000);
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutputTimeoutException("Interrupted while waiting for output of " + name);
        }
    }

    /** A listener's registration; closing it (safe twice) stops the notifications. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
