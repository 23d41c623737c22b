package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The profile of a system under test, read after it stopped.
 *
 * @param system       the system's name
 * @param kind         {@code "jfr"} for a JVM with a flight recording, {@code "process"} for CPU and memory only
 * @param samples      execution samples (0 for kind process)
 * @param flat         per method (empty for kind process)
 * @param tree         call tree (absent for kind process)
 * @param cpuNanos     user + system CPU time of its process tree
 * @param peakRssBytes the largest resident set size seen
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemProfileRecord(String system, String kind, long samples, List<SampledFlatRow> flat,
                                  SampleNode tree, Long cpuNanos, Long peakRssBytes) {
    public SystemProfileRecord {
        flat = List.copyOf(flat);
    }
}
