package dev.jig.record;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A node of a sampled call tree.
 *
 * @param frame    {@code fully.qualified.Class.method}, {@code "root"} or {@code "(other)"}
 * @param samples  samples whose stack passed through this path
 * @param children the paths called from here
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SampleNode(String frame, long samples, List<SampleNode> children) {
    public SampleNode {
        children = List.copyOf(children);
    }
}
