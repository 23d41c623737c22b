package dev.jig.profile;

import dev.jig.record.SampleNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A mutable sampled call tree: each sampled stack adds one sample along its path. Not thread-safe.
 *
 * <pre>{@code
 * SampleTree tree = new SampleTree();
 * tree.add(List.of("app.Main.main", "app.Main.work"));   // root first
 * SampleNode record = tree.toRecord();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SampleTree {

    private final Node root = new Node(CallTree.ROOT);

    /** Adds one sample whose stack is {@code frames}, outermost first. */
    public void add(List<String> frames) {
        add(frames, 1);
    }

    /** Adds {@code samples} samples whose stack is {@code frames}, outermost first. */
    public void add(List<String> frames, long samples) {
        Node node = root;
        node.samples += samples;
        for (String frame : frames) {
            node = node.children.computeIfAbsent(frame, Node::new);
            node.samples += samples;
        }
    }

    /** How many samples were added. */
    public long samples() {
        return root.samples;
    }

    /** The record of this tree. */
    public SampleNode toRecord() {
        return toRecord(root);
    }

    private static SampleNode toRecord(Node node) {
        List<SampleNode> children = new ArrayList<>(node.children.size());
        for (Node child : node.children.values()) {
            children.add(toRecord(child));
        }
        return new SampleNode(node.frame, node.samples, children);
    }

    private static final class Node {
        final String frame;
        final Map<String, Node> children = new LinkedHashMap<>(4);
        long samples;

        Node(String frame) {
            this.frame = frame;
        }
    }
}
