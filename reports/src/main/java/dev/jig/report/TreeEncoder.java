package dev.jig.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.record.CallNode;
import dev.jig.record.SampleNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a call tree as parallel arrays in pre-order (depth, frame, total, self, calls), which is a
 * fraction of the size of nested objects. Nodes below {@code foldShare} of the root's total are folded into
 * one "(other)" child per parent: they would be narrower than a pixel in the flame graph anyway.
 */
final class TreeEncoder {

    static final String OTHER = "(other)";

    /** A tree node independent of its source (exact or sampled). */
    record Node(String frame, long total, long self, long calls, List<Node> children) {
    }

    private final FrameTable frames;
    private final double foldShare;
    private final ArrayNode depth = JsonNodeFactory.instance.arrayNode();
    private final ArrayNode frame = JsonNodeFactory.instance.arrayNode();
    private final ArrayNode total = JsonNodeFactory.instance.arrayNode();
    private final ArrayNode self = JsonNodeFactory.instance.arrayNode();
    private final ArrayNode calls = JsonNodeFactory.instance.arrayNode();

    private TreeEncoder(FrameTable frames, double foldShare) {
        this.frames = frames;
        this.foldShare = foldShare;
    }

    static ObjectNode encode(Node root, FrameTable frames, double foldShare) {
        TreeEncoder encoder = new TreeEncoder(frames, foldShare);
        encoder.add(root, 0, Math.max(1, (long) (root.total() * foldShare)));
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.set("d", encoder.depth);
        tree.set("f", encoder.frame);
        tree.set("t", encoder.total);
        tree.set("s", encoder.self);
        tree.set("c", encoder.calls);
        return tree;
    }

    private void add(Node node, int level, long minTotal) {
        depth.add(level);
        frame.add(frames.of(node.frame()));
        total.add(node.total());
        self.add(node.self());
        calls.add(node.calls());
        long foldedTotal = 0;
        long foldedCalls = 0;
        for (Node child : node.children()) {
            if (child.total() < minTotal) {
                foldedTotal += child.total();
                foldedCalls += child.calls();
            } else {
                add(child, level + 1, minTotal);
            }
        }
        if (foldedTotal > 0) {
            add(new Node(OTHER, foldedTotal, foldedTotal, foldedCalls, List.of()), level + 1, minTotal);
        }
    }

    /** Converts a recorded tree, folding nodes below {@code foldShare} of the root while converting. */
    static Node of(CallNode root, double foldShare) {
        return of(root, Math.max(1, (long) (root.totalNanos() * foldShare)));
    }

    private static Node of(CallNode node, long minTotal) {
        List<Node> children = new ArrayList<>();
        long foldedTotal = 0;
        long foldedCalls = 0;
        for (CallNode c : node.children()) {
            if (c.totalNanos() < minTotal) {
                foldedTotal += c.totalNanos();
                foldedCalls += c.calls();
            } else {
                children.add(of(c, minTotal));
            }
        }
        if (foldedTotal > 0) {
            children.add(new Node(OTHER, foldedTotal, foldedTotal, foldedCalls, List.of()));
        }
        return new Node(node.frame(), node.totalNanos(), node.selfNanos(), node.calls(), children);
    }

    /** Converts a sampled tree (self samples are what the children do not account for), folding likewise. */
    static Node of(SampleNode root, double foldShare) {
        return of(root, Math.max(1, (long) (root.samples() * foldShare)));
    }

    private static Node of(SampleNode node, long minSamples) {
        List<Node> children = new ArrayList<>();
        long childSamples = 0;
        long folded = 0;
        for (SampleNode c : node.children()) {
            childSamples += c.samples();
            if (c.samples() < minSamples) {
                folded += c.samples();
            } else {
                children.add(of(c, minSamples));
            }
        }
        if (folded > 0) {
            children.add(new Node(OTHER, folded, folded, 0, List.of()));
        }
        return new Node(node.frame(), node.samples(), Math.max(0, node.samples() - childSamples), 0, children);
    }
}
