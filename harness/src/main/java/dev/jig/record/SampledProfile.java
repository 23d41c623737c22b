package dev.jig.record;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A sampled (JFR) profile of the test JVM.
 *
 * @param event         the JFR event sampled, e.g. {@code jdk.ExecutionSample} or {@code jdk.CPUTimeSample}
 * @param intervalNanos the sampling interval
 * @param samples       how many samples were taken
 * @param flat          per method, by self samples
 * @param tree          the call tree, root first
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SampledProfile(String event, long intervalNanos, long samples, List<SampledFlatRow> flat,
                             SampleNode tree) {
    public SampledProfile {
        flat = List.copyOf(flat);
    }
}
