package dev.jig.report;

import dev.jig.record.ClassRecord;
import dev.jig.record.EnvironmentRecord;
import dev.jig.record.RunInfo;
import dev.jig.record.RunRecord;
import dev.jig.record.TestRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Merges runs (Surefire forks, CI shards, re-runs) into one: every test once, keyed by its unique id; when
 * two runs recorded the same test, the run that started later wins, so a re-run replaces the older entry.
 * Within one run the later entry wins too (Surefire's {@code rerunFailingTestsCount} re-runs in the session).
 *
 * <pre>{@code
 * RunRecord all = ResultsMerge.merge(List.of(ResultsFile.read(a), ResultsFile.read(b)));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ResultsMerge {

    private ResultsMerge() {
    }

    /** Merges the runs; fails on an empty list. */
    public static RunRecord merge(List<RunRecord> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("Nothing to merge: give at least one results file.");
        }
        List<RunRecord> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparing((RunRecord r) -> r.run().startedAt()).thenComparing(r -> r.run().id()));
        Map<String, TestRecord> tests = new LinkedHashMap<>();
        Map<String, ClassRecord> classes = new LinkedHashMap<>();
        for (RunRecord run : ordered) {
            run.tests().forEach(t -> {
                tests.remove(t.id()); // re-inserted at the end: the report lists tests in the order they last ran
                tests.put(t.id(), t);
            });
            run.classes().forEach(c -> classes.put(c.id(), c));
        }
        RunInfo first = ordered.get(0).run();
        Instant end = first.startedAt();
        for (RunRecord run : ordered) {
            Instant runEnd = run.run().startedAt().plusNanos(run.run().durationNanos());
            end = runEnd.isAfter(end) ? runEnd : end;
        }
        long duration = java.time.Duration.between(first.startedAt(), end).toNanos();
        EnvironmentRecord environment = ordered.get(ordered.size() - 1).run().environment();
        // One run keeps its id: a session's own report names the session (Surefire's re-runs stay inside it).
        String id = ordered.size() == 1 ? first.id() : "merged-" + ordered.size() + "-" + first.id();
        RunInfo info = new RunInfo(id, first.startedAt(), duration, environment);
        return new RunRecord(RunRecord.SCHEMA, info, new ArrayList<>(tests.values()),
                new ArrayList<>(classes.values()));
    }
}
