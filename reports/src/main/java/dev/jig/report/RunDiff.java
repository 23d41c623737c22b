package dev.jig.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.record.BenchmarkRecord;
import dev.jig.record.PhaseRecord;
import dev.jig.record.RunRecord;
import dev.jig.record.TestRecord;
import dev.jig.record.TraceHold;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Compares two runs: tests whose status changed, and tests, phases, hops of the message trace (how long each
 * participant held a request), profiled methods and benchmarks that got
 * slower or faster by more than a threshold; plus a differential flame graph of the runs' exact profiles.
 * The result is rendered as a report of the head run with a "Diff" view.
 *
 * <pre>{@code
 * Path html = RunDiff.write(ResultsFile.read(base), ResultsFile.read(head), Path.of("target/jig-diff"));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunDiff {

    /** Changes smaller than this share (in percent) are not listed. */
    public static final double THRESHOLD_PERCENT = 10.0;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunDiff() {
    }

    /** Writes {@code index.html} comparing base to head into {@code directory}. */
    public static Path write(RunRecord base, RunRecord head, Path directory) {
        String html = HtmlReport.render(head, compare(base, head));
        return HtmlReport.write(html, directory.resolve(HtmlReport.FILE_NAME));
    }

    /** The comparison as the page's "diff" data. */
    static ObjectNode compare(RunRecord base, RunRecord head) {
        ObjectNode diff = MAPPER.createObjectNode();
        diff.put("base", base.run().id());
        diff.put("head", head.run().id());
        diff.put("thresholdPercent", THRESHOLD_PERCENT);
        ArrayNode statuses = diff.putArray("statusChanges");
        List<Change> changes = new ArrayList<>();
        Map<String, TestRecord> before = byId(base.tests());
        Map<String, TestRecord> after = byId(head.tests());
        after.forEach((id, test) -> {
            TestRecord old = before.get(id);
            if (old == null || old.status() != test.status()) {
                statuses.addObject().put("test", label(test))
                        .put("before", old == null ? "absent" : old.status().label())
                        .put("after", test.status().label());
            }
            if (old != null) {
                changes.addAll(testChanges(old, test));
            }
        });
        before.forEach((id, test) -> {
            if (!after.containsKey(id)) {
                statuses.addObject().put("test", label(test)).put("before", test.status().label())
                        .put("after", "absent");
            }
        });
        changes.addAll(ProfileDiff.methodChanges(base, head));
        ArrayNode slower = diff.putArray("slower");
        ArrayNode faster = diff.putArray("faster");
        for (Change c : changes) {
            if (Math.abs(c.deltaPercent()) >= THRESHOLD_PERCENT) {
                (c.deltaPercent() > 0 ? slower : faster).add(MAPPER.<ObjectNode>valueToTree(c));
            }
        }
        ProfileDiff.flame(base, head, diff);
        return diff;
    }

    /** One measured item in both runs. */
    record Change(String kind, String name, String unit, double before, double after, double deltaPercent) {
        static Change of(String kind, String name, String unit, double before, double after) {
            double delta = before > 0 ? 100.0 * (after - before) / before : (after > 0 ? 100.0 : 0.0);
            return new Change(kind, name, unit, before, after, delta);
        }
    }

    private static List<Change> testChanges(TestRecord old, TestRecord test) {
        List<Change> changes = new ArrayList<>();
        changes.add(Change.of("test", label(test), "ns", old.durationNanos(), test.durationNanos()));
        Map<String, PhaseRecord> oldPhases = new LinkedHashMap<>();
        old.phases().forEach(p -> oldPhases.putIfAbsent(p.name(), p));
        for (PhaseRecord p : test.phases()) {
            PhaseRecord o = oldPhases.get(p.name());
            if (o != null) {
                changes.add(Change.of("phase", label(test) + " · " + p.name(), "ns", o.durationNanos(),
                        p.durationNanos()));
            }
        }
        changes.addAll(hopChanges(old, test));
        if (old.benchmarks() != null && test.benchmarks() != null) {
            Map<String, BenchmarkRecord> oldBench = new LinkedHashMap<>();
            old.benchmarks().forEach(b -> oldBench.putIfAbsent(b.name(), b));
            for (BenchmarkRecord b : test.benchmarks()) {
                BenchmarkRecord o = oldBench.get(b.name());
                if (o != null && o.stats() != null && b.stats() != null) {
                    changes.add(Change.of("benchmark", label(test) + " · " + b.name(), b.unit(),
                            o.stats().mean(), b.stats().mean()));
                }
            }
        }
        return changes;
    }

    /** The time each participant held each request, matched by who held it and what it was doing. */
    private static List<Change> hopChanges(TestRecord old, TestRecord test) {
        List<Change> changes = new ArrayList<>();
        if (old.trace() == null || test.trace() == null) {
            return changes;
        }
        Map<String, TraceHold> oldHolds = new LinkedHashMap<>();
        old.trace().holds().forEach(h -> oldHolds.putIfAbsent(h.participant() + ": " + h.what(), h));
        Map<String, TraceHold> seen = new LinkedHashMap<>();
        for (TraceHold hold : test.trace().holds()) {
            String key = hold.participant() + ": " + hold.what();
            TraceHold before = oldHolds.get(key);
            if (before != null && seen.putIfAbsent(key, hold) == null) {
                changes.add(Change.of("hop", label(test) + " · " + key, "ns", before.durationNanos(),
                        hold.durationNanos()));
            }
        }
        return changes;
    }

    private static Map<String, TestRecord> byId(List<TestRecord> tests) {
        Map<String, TestRecord> map = new LinkedHashMap<>();
        tests.forEach(t -> map.put(t.id(), t));
        return map;
    }

    static String label(TestRecord test) {
        return Summary.simpleName(test.className()) + " › " + test.displayName();
    }
}
