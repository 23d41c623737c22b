package dev.jig.record;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Everything one run recorded; serialised as {@code results.json}.
 *
 * @param schema  always {@link #SCHEMA}
 * @param run     facts about the run
 * @param tests   one entry per test, in the order they finished
 * @param classes what class-scoped resources recorded, one entry per class that had any
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunRecord(String schema, RunInfo run, List<TestRecord> tests, List<ClassRecord> classes) {

    /** The schema identifier this version writes. */
    public static final String SCHEMA = "jig-results/1";

    public RunRecord {
        tests = List.copyOf(tests);
        classes = List.copyOf(classes);
    }
}
