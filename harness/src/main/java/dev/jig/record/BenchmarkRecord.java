package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apiguardian.api.API;

/**
 * One benchmark measured in (or imported into) a test.
 *
 * @param name     the benchmark's name
 * @param group    its group, within which benchmarks are compared with the fastest
 * @param unit     the unit of the statistics, e.g. {@code "ns"}
 * @param stats    the statistics
 * @param source   {@code "bench"} (Jig's fixture) or {@code "jmh"}
 * @param baseline the comparison with a saved run, when one was made
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchmarkRecord(String name, String group, String unit, BenchStats stats, String source,
                              BaselineComparison baseline) {
}
