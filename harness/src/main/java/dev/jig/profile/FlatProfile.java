package dev.jig.profile;

import dev.jig.record.CallNode;
import dev.jig.record.FlatRow;
import dev.jig.record.SampleNode;
import dev.jig.record.SampledFlatRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Flat profiles (per method, like cProfile and gprof) derived from call trees. A method's total counts each
 * path once at its outermost occurrence, so recursion is not counted twice; its self, calls and samples are
 * summed over every path. Rows come sorted by self time (samples), largest first.
 *
 * <pre>{@code
 * List<FlatRow> rows = FlatProfile.exact(callTree.toRecord(0));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FlatProfile {

    private FlatProfile() {
    }

    /** The flat profile of an exact tree (pass the unfolded tree: rows are exact sums over it). */
    public static List<FlatRow> exact(CallNode tree) {
        Map<String, ExactSums> sums = new LinkedHashMap<>();
        Map<String, Integer> onStack = new HashMap<>();
        for (CallNode child : tree.children()) {
            walk(child, null, sums, onStack);
        }
        List<FlatRow> rows = new ArrayList<>();
        sums.forEach((method, s) -> rows.add(new FlatRow(method, s.calls, s.self, s.total,
                List.copyOf(s.callers), List.copyOf(s.callees))));
        rows.sort(Comparator.comparingLong(FlatRow::selfNanos).reversed()
                .thenComparing(Comparator.comparingLong(FlatRow::totalNanos).reversed())
                .thenComparing(FlatRow::method));
        return rows;
    }

    private static void walk(CallNode node, String caller, Map<String, ExactSums> sums,
                             Map<String, Integer> onStack) {
        ExactSums row = sums.computeIfAbsent(node.frame(), k -> new ExactSums());
        row.calls += node.calls();
        row.self += node.selfNanos();
        int depth = onStack.merge(node.frame(), 1, Integer::sum);
        if (depth == 1) {
            row.total += node.totalNanos(); // an outer call of the same method already counted this time
        }
        if (caller != null) {
            row.callers.add(caller);
        }
        for (CallNode child : node.children()) {
            row.callees.add(child.frame());
            walk(child, node.frame(), sums, onStack);
        }
        onStack.merge(node.frame(), -1, Integer::sum);
    }

    /** The flat profile of a sampled tree: self samples are those with the method on top of the stack. */
    public static List<SampledFlatRow> sampled(SampleNode tree) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Integer> onStack = new HashMap<>();
        for (SampleNode child : tree.children()) {
            walk(child, sums, onStack);
        }
        List<SampledFlatRow> rows = new ArrayList<>();
        sums.forEach((method, s) -> rows.add(new SampledFlatRow(method, s[0], s[1])));
        rows.sort(Comparator.comparingLong(SampledFlatRow::selfSamples).reversed()
                .thenComparing(Comparator.comparingLong(SampledFlatRow::totalSamples).reversed())
                .thenComparing(SampledFlatRow::method));
        return rows;
    }

    private static void walk(SampleNode node, Map<String, long[]> sums, Map<String, Integer> onStack) {
        long[] row = sums.computeIfAbsent(node.frame(), k -> new long[2]);
        long childSamples = node.children().stream().mapToLong(SampleNode::samples).sum();
        row[0] += node.samples() - childSamples;
        if (onStack.merge(node.frame(), 1, Integer::sum) == 1) {
            row[1] += node.samples();
        }
        for (SampleNode child : node.children()) {
            walk(child, sums, onStack);
        }
        onStack.merge(node.frame(), -1, Integer::sum);
    }

    private static final class ExactSums {
        long calls;
        long self;
        long total;
        final Set<String> callers = new LinkedHashSet<>();
        final Set<String> callees = new LinkedHashSet<>();
    }
}
