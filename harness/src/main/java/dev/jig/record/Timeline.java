package dev.jig.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Collects the phases (start, ready, stop of each resource, the test body) of one test or one
 * class. Thread-safe; offsets are measured from the timeline's origin, taken with
 * {@link System#nanoTime()} when it was created.
 *
 * <pre>{@code
 * try (Timeline.Span span = timeline.span("start bank")) {
 *     server = spec.start();
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Timeline {

    /** A timeline that records nothing, for resources started outside a test. */
    public static final Timeline NONE = new Timeline(0L, false);

    private final long originNanos;
    private final boolean recording;
    private final List<PhaseRecord> phases = new ArrayList<>();
    private final TraceLog trace;

    private Timeline(long originNanos, boolean recording) {
        this.originNanos = originNanos;
        this.recording = recording;
        this.trace = recording ? TraceLog.startingAt(originNanos) : TraceLog.OFF;
    }

    /** The messages of this test or class, on the same time axis as its phases. */
    public TraceLog trace() {
        return trace;
    }

    /** A timeline whose offsets count from now. */
    public static Timeline startingNow() {
        return new Timeline(System.nanoTime(), true);
    }

    /** The {@link System#nanoTime()} value that offsets are measured from. */
    public long originNanos() {
        return originNanos;
    }

    /** Opens a span that is recorded as a phase when closed. */
    public Span span(String name) {
        return new Span(name, System.nanoTime());
    }

    /**
     * Opens a span that began at {@code startNanoTime}, an absolute {@link System#nanoTime()} value: for a step
     * whose first moments (a class loaded on first use, a lock taken) came before the span could be opened.
     */
    public Span span(String name, long startNanoTime) {
        return new Span(name, startNanoTime);
    }

    /**
     * Records a phase that began at {@code startNanoTime} and ended at {@code endNanoTime}, both
     * absolute {@link System#nanoTime()} values.
     */
    public void phase(String name, long startNanoTime, long endNanoTime) {
        Objects.requireNonNull(name, "name");
        if (!recording) {
            return;
        }
        PhaseRecord phase = new PhaseRecord(name, startNanoTime - originNanos,
                Math.max(0L, endNanoTime - startNanoTime));
        synchronized (phases) {
            phases.add(phase);
        }
    }

    /**
     * Records a phase {@code name} from where the latest-ending phase so far ended (or the origin, when there is
     * none) to now, if that is in the past: for time that belongs to something outside (a test framework's
     * callbacks between two of Jig's phases), so that it is named rather than unexplained. Call it right before
     * the code that records the next phase; where that code is yours, {@link #spanAfterOutside} leaves no
     * moment between the two.
     */
    public void phaseSinceLast(String name) {
        outsideUntilNow(Objects.requireNonNull(name, "name"));
    }

    /**
     * Records phase {@code outside} as {@link #phaseSinceLast} does and opens span {@code name} at that same
     * instant, so that whatever Jig does before its span closes is inside a named phase, however long that
     * work (a first-use class load, a pause of the thread) takes.
     */
    public Span spanAfterOutside(String outside, String name) {
        Objects.requireNonNull(name, "name");
        return new Span(name, outsideUntilNow(Objects.requireNonNull(outside, "outside")));
    }

    /** Records phase {@code outside} from the end of the latest-ending phase to now; returns now. */
    private long outsideUntilNow(String outside) {
        long now = System.nanoTime();
        long since;
        synchronized (phases) {
            since = originNanos + phases.stream().mapToLong(p -> p.startNanos() + p.durationNanos()).max().orElse(0);
        }
        if (now > since) {
            phase(outside, since, now);
        }
        return now;
    }

    /** The phases recorded so far, ordered by start. */
    public List<PhaseRecord> phases() {
        synchronized (phases) {
            List<PhaseRecord> copy = new ArrayList<>(phases);
            copy.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
            return List.copyOf(copy);
        }
    }

    /** A phase in progress; closing it records it. Closing twice records it once. */
    public final class Span implements AutoCloseable {
        private final String name;
        private final long startNanoTime;
        private boolean closed;

        private Span(String name, long startNanoTime) {
            this.name = name;
            this.startNanoTime = startNanoTime;
        }

        @Override
        public void close() {
            end(System.nanoTime());
        }

        /**
         * Closes this span and opens span {@code next} at the instant this one ends, for a step that follows
         * another with nothing between them; the next span starts now if this one was closed already.
         */
        public Span then(String next) {
            Objects.requireNonNull(next, "next");
            long now = System.nanoTime();
            end(now);
            return new Span(next, now);
        }

        private void end(long endNanoTime) {
            if (!closed) {
                closed = true;
                phase(name, startNanoTime, endNanoTime);
            }
        }
    }
}
