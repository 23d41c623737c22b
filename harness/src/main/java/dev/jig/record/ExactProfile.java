package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An exact (instrumented) profile of the test JVM. Its calls are exact; its times are those of instrumented
 * code, which the JIT compiles differently (less inlining), so they may be several times the uninstrumented
 * times: {@code inflation} says by how much where it was measured. A profile that is {@code countsOnly} (the
 * hybrid, {@code mode = BOTH}) has calls and nothing else: no times, no callers or callees, no tree; its time
 * comes from the sampled profile beside it.
 *
 * @param flat                 per method, by self time (counts only: by calls)
 * @param tree                 the call tree, root first (null when counts only)
 * @param overheadNanosPerCall the measured cost of instrumenting one call (0 when counts only: not measured)
 * @param overheadSubtracted   whether that cost was subtracted from self times
 * @param inflation            measured instrumented ÷ uninstrumented time of the same work (null: not measured)
 * @param countsOnly           whether calls were only counted (by the counting-only probe), not timed; false in
 *                             results of earlier versions
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExactProfile(List<FlatRow> flat, CallNode tree, long overheadNanosPerCall,
                           boolean overheadSubtracted, Double inflation, boolean countsOnly) {
    public ExactProfile {
        flat = List.copyOf(flat);
    }

    /** A timed profile whose inflation was measured (or not: null). */
    public ExactProfile(List<FlatRow> flat, CallNode tree, long overheadNanosPerCall, boolean overheadSubtracted,
                        Double inflation) {
        this(flat, tree, overheadNanosPerCall, overheadSubtracted, inflation, false);
    }

    /** A timed profile whose inflation was not measured. */
    public ExactProfile(List<FlatRow> flat, CallNode tree, long overheadNanosPerCall, boolean overheadSubtracted) {
        this(flat, tree, overheadNanosPerCall, overheadSubtracted, null);
    }

    /**
     * Calls counted, not timed: one row per method with its calls, times zero, no callers or callees.
     *
     * <pre>{@code
     * ExactProfile counts = ExactProfile.counts(List.of(new FlatRow("app.Main.work", 3, 0, 0, List.of(), List.of())));
     * }</pre>
     */
    public static ExactProfile counts(List<FlatRow> flat) {
        return new ExactProfile(flat, null, 0, false, null, true);
    }

    /** The same profile, marked with its measured inflation factor. */
    public ExactProfile withInflation(double factor) {
        return new ExactProfile(flat, tree, overheadNanosPerCall, overheadSubtracted, factor, countsOnly);
    }
}
