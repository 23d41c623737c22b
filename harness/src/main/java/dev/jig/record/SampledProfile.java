package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A sampled profile of the test JVM.
 *
 * @param event         what was sampled: {@code cpu}, {@code wall}, {@code alloc} or {@code lock} (async-profiler),
 *                      or the JFR event(s), e.g. {@code jdk.ExecutionSample} or {@code jdk.CPUTimeSample}
 * @param intervalNanos the sampling interval
 * @param samples       how many samples were taken
 * @param flat          per method, by self samples
 * @param tree          the call tree, root first
 * @param engine        the sampler: {@code async-profiler} or {@code jfr} (null in results of earlier versions)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SampledProfile(String event, long intervalNanos, long samples, List<SampledFlatRow> flat,
                             SampleNode tree, String engine) {

    /** The engine name of async-profiler. */
    public static final String ASYNC_PROFILER = "async-profiler";

    /** The engine name of JDK Flight Recorder. */
    public static final String JFR = "jfr";

    public SampledProfile {
        flat = List.copyOf(flat);
    }

    /** A JFR profile (the only engine of earlier versions). */
    public SampledProfile(String event, long intervalNanos, long samples, List<SampledFlatRow> flat,
                          SampleNode tree) {
        this(event, intervalNanos, samples, flat, tree, JFR);
    }
}
