package dev.jig.record;

import java.util.List;
import org.apiguardian.api.API;

/**
 * An exact (instrumented) profile of the test JVM.
 *
 * @param flat                 per method, by self time
 * @param tree                 the call tree, root first
 * @param overheadNanosPerCall the measured cost of instrumenting one call
 * @param overheadSubtracted   whether that cost was subtracted from self times
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ExactProfile(List<FlatRow> flat, CallNode tree, long overheadNanosPerCall,
                           boolean overheadSubtracted) {
    public ExactProfile {
        flat = List.copyOf(flat);
    }
}
