package dev.jig.bench;

import dev.jig.record.BenchmarkRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A saved run's benchmarks, keyed by {@code scope/name} (the scope is the test, e.g. {@code AtmBench#withdraw}).
 *
 * @param id         the run's id, e.g. {@code 20261123-101500} or one given by {@code jig.bench.save}
 * @param created    when it was first saved (ISO-8601)
 * @param machine    the machine directory it is stored under
 * @param jvm        the JVM directory it is stored under
 * @param benchmarks the benchmarks by key, as saved last
 * @param runs       by key, the last {@value Baselines#KEPT_RUNS} saves of each benchmark under this id, oldest
 *                   first: the run-to-run spread the verdict judges a difference by
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Baseline(String id, String created, String machine, String jvm,
                       Map<String, BenchmarkRecord> benchmarks, Map<String, List<SavedRun>> runs) {

    public Baseline {
        benchmarks = benchmarks == null ? Map.of() : new TreeMap<>(benchmarks);
        runs = runs == null ? Map.of() : new TreeMap<>(runs);
    }

    /** The saved runs of the benchmark {@code key}, oldest first (empty for files saved before runs were kept). */
    public List<SavedRun> runsOf(String key) {
        return runs.getOrDefault(key, List.of());
    }

    /** The key a benchmark is saved under. */
    public static String key(String scope, String name) {
        return scope == null || scope.isEmpty() ? name : scope + "/" + name;
    }
}
