package dev.jig.report;

import dev.jig.record.ClassRecord;
import dev.jig.record.EnvironmentRecord;
import dev.jig.record.RunRecord;
import dev.jig.record.TestRecord;
import dev.jig.record.TestStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** The summary the template renders as markup: counts, slowest tests, environment. */
final class Summary {

    static final int SLOWEST_SHOWN = 10;

    private Summary() {
    }

    static Map<String, Object> of(RunRecord run, boolean isDiff) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("title", (isDiff ? "Jig diff · " : "Jig report · ") + run.run().id());
        context.put("isDiff", isDiff);
        context.put("startedAt", String.valueOf(run.run().startedAt()));
        context.put("total", run.tests().size());
        context.put("duration", millis(run.run().durationNanos()));
        context.put("counts", counts(run.tests()));
        List<Map<String, Object>> classFailures = classFailures(run);
        context.put("classFailures", classFailures);
        context.put("classFailureCount", classFailures.size());
        context.put("red", !classFailures.isEmpty() || run.tests().stream().anyMatch(t -> t.status() == TestStatus.FAILED
                || t.status() == TestStatus.HUNG));
        context.put("slowest", slowest(run.tests()));
        context.put("environment", environment(run.run().environment()));
        return context;
    }

    static String millis(long nanos) {
        if (nanos >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static List<Map<String, Object>> counts(List<TestRecord> tests) {
        Map<TestStatus, Integer> counts = new EnumMap<>(TestStatus.class);
        tests.forEach(t -> counts.merge(t.status(), 1, Integer::sum));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TestStatus status : TestStatus.values()) {
            rows.add(Map.of("status", status.label(), "count", counts.getOrDefault(status, 0)));
        }
        return rows;
    }

    // A beforeAll or afterAll failure turns the run red even when every test passed.
    private static List<Map<String, Object>> classFailures(RunRecord run) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ClassRecord entry : run.classes()) {
            if (entry.failed()) {
                String message = entry.failure() == null || entry.failure().message() == null ? ""
                        : entry.failure().message();
                rows.add(Map.of("name", simpleName(entry.className()), "className", entry.className(),
                        "status", entry.status().label(),
                        "type", entry.failure() == null ? "" : entry.failure().type(), "message", message));
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> slowest(List<TestRecord> tests) {
        return IntStream.range(0, tests.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> tests.get(i).durationNanos()).reversed())
                .limit(SLOWEST_SHOWN)
                .map(i -> Map.<String, Object>of("index", i, "status", tests.get(i).status().label(),
                        "name", simpleName(tests.get(i).className()) + " › " + tests.get(i).displayName(),
                        "duration", millis(tests.get(i).durationNanos())))
                .toList();
    }

    private static List<Map<String, Object>> environment(EnvironmentRecord env) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (env == null) {
            return rows;
        }
        rows.add(Map.of("name", "JDK", "value", String.valueOf(env.java())));
        rows.add(Map.of("name", "OS", "value", String.valueOf(env.os())));
        rows.add(Map.of("name", "CPUs", "value", env.cpus()));
        rows.add(Map.of("name", "Host", "value", String.valueOf(env.host())));
        rows.add(Map.of("name", "Commit", "value", env.gitCommit() == null ? "unknown" : env.gitCommit()));
        return rows;
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

}
