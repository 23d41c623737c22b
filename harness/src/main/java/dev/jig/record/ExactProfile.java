package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An exact (instrumented) profile of the test JVM. Its calls are exact; its times are those of instrumented
 * code, which the JIT compiles differently (less inlining), so they may be several times the uninstrumented
 * times: {@code inflation} says by how much where it was measured.
 *
 * @param flat                 per method, by self time
 * @param tree                 the call tree, root first
 * @param overheadNanosPerCall the measured cost of instrumenting one call
 * @param overheadSubtracted   whether that cost was subtracted from self times
 * @param inflation            measured instrumented ÷ uninstrumented time of the same work (null: not measured)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExactProfile(List<FlatRow> flat, CallNode tree, long overheadNanosPerCall,
                           boolean overheadSubtracted, Double inflation) {
    public ExactProfile {
        flat = List.copyOf(flat);
    }

    /** A profile whose inflation was not measured. */
    public ExactProfile(List<FlatRow> flat, CallNode tree, long overheadNanosPerCall, boolean overheadSubtracted) {
        this(flat, tree, overheadNanosPerCall, overheadSubtracted, null);
    }

    /** The same profile, marked with its measured inflation factor. */
    public ExactProfile withInflation(double factor) {
        return new ExactProfile(flat, tree, overheadNanosPerCall, overheadSubtracted, factor);
    }
}
