package dev.jig.report;

import dev.jig.record.SampleNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the hybrid view takes from a sampled tree when the calls were only counted: who called whom (the
 * counting probe records no edges), and how many samples under each method were the probe's own frames
 * ({@code dev.jig.profile.*}), which the view leaves out of the method's total. Paths folded into
 * {@code "(other)"} are not seen.
 */
final class SampledCallGraph {

    private static final String JIG = "dev.jig.profile.";

    private final Map<String, Set<String>> callers = new HashMap<>();
    private final Map<String, Set<String>> callees = new HashMap<>();
    private final Map<String, Long> jigSamplesUnder = new HashMap<>();

    private SampledCallGraph() {
    }

    static SampledCallGraph of(SampleNode root) {
        SampledCallGraph graph = new SampledCallGraph();
        if (root != null) {
            root.children().forEach(child -> graph.walk(child, null, new ArrayDeque<>()));
        }
        return graph;
    }

    private void walk(SampleNode node, String parent, Deque<String> path) {
        String frame = node.frame();
        if (frame.startsWith(JIG)) {
            new HashSet<>(path).forEach(method -> jigSamplesUnder.merge(method, node.samples(), Long::sum));
            return; // the probe's frames and whatever they called are Jig's, not the method's
        }
        if ("(other)".equals(frame)) {
            return;
        }
        if (parent != null) {
            callers.computeIfAbsent(frame, f -> new LinkedHashSet<>()).add(parent);
            callees.computeIfAbsent(parent, f -> new LinkedHashSet<>()).add(frame);
        }
        path.push(frame);
        node.children().forEach(child -> walk(child, frame, path));
        path.pop();
    }

    Set<String> callers(String method) {
        return callers.getOrDefault(method, Set.of());
    }

    Set<String> callees(String method) {
        return callees.getOrDefault(method, Set.of());
    }

    /** Samples in Jig's frames with {@code method} on the stack (recursion counted once). */
    long jigSamplesUnder(String method) {
        return jigSamplesUnder.getOrDefault(method, 0L);
    }
}
