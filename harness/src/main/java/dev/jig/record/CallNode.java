package dev.jig.record;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A node of an exact (instrumented) call tree: one call path, its method and what it cost.
 *
 * @param frame      {@code fully.qualified.Class.method}, or {@code "root"}, or {@code "(other)"} for folded nodes
 * @param calls      how often this path was entered
 * @param totalNanos time inside this path, children included
 * @param selfNanos  time inside this path, children excluded
 * @param children   the paths called from here
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CallNode(String frame, long calls, long totalNanos, long selfNanos, List<CallNode> children) {
    public CallNode {
        children = List.copyOf(children);
    }
}
