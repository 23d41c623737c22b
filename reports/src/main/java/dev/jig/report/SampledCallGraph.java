package dev.jig.report;

import dev.jig.record.SampleNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the hybrid view takes from a sampled tree when the calls were only counted: who called whom (the
 * counting probe records no edges), and how many samples were in the probe's own frames
 * ({@code dev.jig.profile.*}) called straight from each method. The probe is inlined into the woven method, and
 * its frames hold samples of the code around it (fib(25): more than half of them, for a probe that costs it
 * under a fifth of its time), so the view counts them as that method's self time. Paths folded into
 * {@code "(other)"} are not seen.
 */
final class SampledCallGraph {

    private static final String JIG = "dev.jig.profile.";

    private final Map<String, Set<String>> callers = new HashMap<>();
    private final Map<String, Set<String>> callees = new HashMap<>();
    private final Map<String, Long> probeSamplesIn = new HashMap<>();

    private SampledCallGraph() {
    }

    static SampledCallGraph of(SampleNode root) {
        SampledCallGraph graph = new SampledCallGraph();
        if (root != null) {
            root.children().forEach(child -> graph.walk(child, null));
        }
        return graph;
    }

    private void walk(SampleNode node, String parent) {
        String frame = node.frame();
        if (frame.startsWith(JIG)) {
            if (parent != null) {
                probeSamplesIn.merge(parent, node.samples(), Long::sum); // with whatever the probe called
            }
            return;
        }
        if ("(other)".equals(frame)) {
            return;
        }
        if (parent != null) {
            callers.computeIfAbsent(frame, f -> new LinkedHashSet<>()).add(parent);
            callees.computeIfAbsent(parent, f -> new LinkedHashSet<>()).add(frame);
        }
        node.children().forEach(child -> walk(child, frame));
    }

    Set<String> callers(String method) {
        return callers.getOrDefault(method, Set.of());
    }

    Set<String> callees(String method) {
        return callees.getOrDefault(method, Set.of());
    }

    /** Samples in Jig's frames called straight from {@code method}: the probe inlined into it. */
    long probeSamplesIn(String method) {
        return probeSamplesIn.getOrDefault(method, 0L);
    }
}
