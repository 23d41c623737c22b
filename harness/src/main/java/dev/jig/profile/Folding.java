package dev.jig.profile;

import dev.jig.record.CallNode;
import dev.jig.record.SampleNode;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Keeps trees small for the report: the children of a node whose share of the whole is below a threshold are
 * folded into one {@code "(other)"} child (no children of its own; its self is its total), so the selves still
 * add up to the root's total. Flat rows are derived before folding and stay exact.
 *
 * <pre>{@code
 * CallNode small = Folding.fold(tree, 0.005);   // fold paths under 0.5 % of the root's total
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Folding {

    /** The frame name of a folded node. */
    public static final String OTHER = "(other)";

    private Folding() {
    }

    /** {@code tree} with paths below {@code minShare} (0..1) of the root's total folded. */
    public static CallNode fold(CallNode tree, double minShare) {
        long threshold = (long) Math.ceil(tree.totalNanos() * minShare);
        return threshold <= 0 ? tree : foldBelow(tree, threshold);
    }

    private static CallNode foldBelow(CallNode node, long threshold) {
        List<CallNode> kept = new ArrayList<>();
        long otherCalls = 0;
        long otherTotal = 0;
        for (CallNode child : node.children()) {
            if (child.totalNanos() < threshold) {
                otherCalls += child.calls();
                otherTotal += child.totalNanos();
            } else {
                kept.add(foldBelow(child, threshold));
            }
        }
        if (otherCalls > 0 || otherTotal > 0) {
            kept.add(new CallNode(OTHER, otherCalls, otherTotal, otherTotal, List.of()));
        }
        return new CallNode(node.frame(), node.calls(), node.totalNanos(), node.selfNanos(), kept);
    }

    /** {@code tree} with paths below {@code minShare} (0..1) of all samples folded. */
    public static SampleNode fold(SampleNode tree, double minShare) {
        long threshold = (long) Math.ceil(tree.samples() * minShare);
        return threshold <= 0 ? tree : foldBelow(tree, threshold);
    }

    private static SampleNode foldBelow(SampleNode node, long threshold) {
        List<SampleNode> kept = new ArrayList<>();
        long other = 0;
        for (SampleNode child : node.children()) {
            if (child.samples() < threshold) {
                other += child.samples();
            } else {
                kept.add(foldBelow(child, threshold));
            }
        }
        if (other > 0) {
            kept.add(new SampleNode(OTHER, other, List.of()));
        }
        return new SampleNode(node.frame(), node.samples(), kept);
    }
}
