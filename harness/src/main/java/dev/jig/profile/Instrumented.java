package dev.jig.profile;

import dev.jig.record.CallNode;
import dev.jig.record.ExactProfile;
import dev.jig.record.FlatRow;
import dev.jig.record.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The instrumented part of a running profile: the selected classes woven with the probe its mode asks for, and
 * the recording session of that probe (a timed call tree for {@link ProfileMode#EXACT}, call counts for
 * {@link ProfileMode#BOTH}). Global to the JVM: one at a time.
 */
final class Instrumented {

    // The running one, or CLAIMED while one is being woven and started.
    private static final Instrumented CLAIMED = new Instrumented(null, 0, null);
    private static Instrumented running;

    private final CallRecorder.Session timed;
    private final long overheadPerCall;
    private final CallCounter.Session counting;
    private boolean stopped;

    private Instrumented(CallRecorder.Session timed, long overheadPerCall, CallCounter.Session counting) {
        this.timed = timed;
        this.overheadPerCall = overheadPerCall;
        this.counting = counting;
    }

    /**
     * Weaves and starts recording; its steps are phases on {@code timeline}, the first from {@code since} (a
     * {@link System#nanoTime()} value), when the caller began.
     */
    static Instrumented start(ProfileOptions options, Timeline timeline, long since) {
        claim();
        try {
            boolean timed = options.mode().timed();
            try (var span = timeline.span("profile: attach and weave", since)) {
                Weaving.weave(options.patterns(), timed ? Weaving.Probe.TIMED : Weaving.Probe.COUNTING);
            }
            Instrumented started;
            if (timed) {
                long overhead;
                try (var span = timeline.span("profile: measure call cost")) {
                    overhead = Overhead.perCall();
                }
                started = new Instrumented(CallRecorder.begin(), overhead, null);
            } else {
                started = new Instrumented(null, 0, CallCounter.begin());
            }
            synchronized (Instrumented.class) {
                running = started;
            }
            return started;
        } catch (RuntimeException | Error e) {
            release(null);
            throw e;
        }
    }

    /** Stops recording (once) and returns the profile: timed, or counts only. */
    synchronized ExactProfile stop(ProfileOptions options) {
        if (stopped) {
            return null;
        }
        stopped = true;
        try {
            if (timed != null) {
                CallNode full = CallRecorder.end(timed).toRecord(overheadPerCall);
                return new ExactProfile(FlatProfile.exact(full), Folding.fold(full, options.foldBelow()),
                        overheadPerCall, true);
            }
            return ExactProfile.counts(rows(CallCounter.end(counting)));
        } finally {
            release(this);
        }
    }

    private static List<FlatRow> rows(Map<String, Long> calls) {
        List<FlatRow> rows = new ArrayList<>(calls.size());
        calls.forEach((method, n) -> rows.add(new FlatRow(method, n, 0, 0, List.of(), List.of())));
        return rows;
    }

    // Claimed before weaving: a second profile must not re-weave the classes under a running one.
    private static synchronized void claim() {
        if (running != null) {
            throw new IllegalStateException("An exact profile is already being recorded in this JVM. Exact "
                    + "profiles are global to the JVM: profile one test at a time (run profiled tests with "
                    + "@Execution(ExecutionMode.SAME_THREAD) or in a class of their own).");
        }
        running = CLAIMED;
    }

    private static synchronized void release(Instrumented which) {
        if (which == null || running == which) {
            running = null;
        }
    }
}
