package dev.jig.profile;

import dev.jig.record.CallNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * A mutable exact call tree, one node per call path, turned into a {@link CallNode} record when done. Self
 * times are derived (total minus the children's totals), so the selves of a tree always add up to the root's
 * total. Not thread-safe: the profiler keeps one per thread and {@link #merge merges} them.
 *
 * <pre>{@code
 * CallTree tree = new CallTree();
 * CallTree.Node main = tree.root().child("app.Main.main").add(1, 900);
 * main.child("app.Main.work").add(3, 600);
 * CallNode record = tree.toRecord(0);   // main: total 900, self 300
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CallTree {

    /** The frame name of the synthetic root. */
    public static final String ROOT = "root";

    private final Node root = new Node(ROOT, null, this);
    // The profiler's cursor: the path the owning thread is in now.
    Node current = root;

    /** The synthetic root: its children are the outermost profiled calls. */
    public Node root() {
        return root;
    }

    /** Adds {@code other}'s paths, calls and times into this tree. */
    public void merge(CallTree other) {
        mergeInto(root, other.root, UnaryOperator.identity());
    }

    /** Adds {@code other} with its frames renamed by {@code rename}; paths that end up equal are summed. */
    public void merge(CallTree other, UnaryOperator<String> rename) {
        mergeInto(root, other.root, rename);
    }

    private static void mergeInto(Node target, Node source, UnaryOperator<String> rename) {
        target.calls += source.calls;
        target.totalNanos += source.totalNanos;
        for (Node child : source.children.values()) {
            mergeInto(target.child(rename.apply(child.frame)), child, rename);
        }
    }

    /**
     * The record of this tree. The root's total is the sum of its children's. Every call below a node cost the
     * profiler {@code overheadPerCall} ns that the node's clock saw; that much is taken off the node's self time
     * (never below zero) and totals are re-added from the corrected selves.
     */
    public CallNode toRecord(long overheadPerCall) {
        List<CallNode> children = new ArrayList<>();
        long total = 0;
        long calls = 0;
        for (Node child : root.children.values()) {
            CallNode node = toRecord(child, overheadPerCall);
            children.add(node);
            total += node.totalNanos();
            calls += node.calls();
        }
        return new CallNode(ROOT, calls, total, 0, children);
    }

    private static CallNode toRecord(Node node, long overheadPerCall) {
        List<CallNode> children = new ArrayList<>(node.children.size());
        long childTotal = 0;
        long rawChildTotal = 0;
        long childCalls = 0;
        for (Node child : node.children.values()) {
            CallNode record = toRecord(child, overheadPerCall);
            children.add(record);
            childTotal += record.totalNanos();
            rawChildTotal += child.totalNanos;
            childCalls += child.calls;
        }
        long self = Math.max(0, node.totalNanos - rawChildTotal - childCalls * overheadPerCall);
        return new CallNode(node.frame, node.calls, self + childTotal, self, children);
    }

    /** One call path. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Node {
        final String frame;
        final Node parent;
        final CallTree tree;
        // Read and written by the profiler's advice on the owning thread only.
        final Map<String, Node> children = new LinkedHashMap<>(4);
        long calls;
        long totalNanos;
        long startedAt;
        private Node lastChild;

        Node(String frame, Node parent, CallTree tree) {
            this.frame = frame;
            this.parent = parent;
            this.tree = tree;
        }

        /** The child path for {@code frame}, created on first use. */
        public Node child(String frame) {
            Node last = lastChild;
            // The advice passes the same constant string for a method every time: identity is the fast path.
            if (last != null && last.frame == frame) {
                return last;
            }
            Node child = children.get(frame);
            if (child == null) {
                child = new Node(frame, this, tree);
                children.put(frame, child);
            }
            lastChild = child;
            return child;
        }

        /** Adds {@code calls} calls that took {@code totalNanos} in all (children included). */
        public Node add(long calls, long totalNanos) {
            this.calls += calls;
            this.totalNanos += totalNanos;
            return this;
        }

        /** The method of this path. */
        public String frame() {
            return frame;
        }
    }
}
