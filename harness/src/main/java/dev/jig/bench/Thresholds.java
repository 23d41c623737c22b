package dev.jig.bench;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The threshold for each benchmark: one by benchmark name, else one by group, else the default.
 *
 * <pre>{@code
 * Thresholds t = Thresholds.of(Threshold.parse("mean:10%"))
 *         .with(Map.of("codec", Threshold.parse("median:5%")));
 * }</pre>
 *
 * @param defaultThreshold applies when no override names the benchmark or its group
 * @param overrides        thresholds by benchmark name or group name (a name wins over a group)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Thresholds(Threshold defaultThreshold, Map<String, Threshold> overrides) {

    public Thresholds {
        Objects.requireNonNull(defaultThreshold, "defaultThreshold");
        overrides = Map.copyOf(overrides);
    }

    /** Only a default. */
    public static Thresholds of(Threshold defaultThreshold) {
        return new Thresholds(defaultThreshold, Map.of());
    }

    /** With overrides by benchmark or group name added. */
    public Thresholds with(Map<String, Threshold> more) {
        Map<String, Threshold> all = new java.util.HashMap<>(overrides);
        all.putAll(more);
        return new Thresholds(defaultThreshold, all);
    }

    /** The threshold for the benchmark {@code name} in {@code group} (may be {@code null}). */
    public Threshold forBenchmark(String name, String group) {
        Threshold byName = overrides.get(name);
        if (byName != null) {
            return byName;
        }
        Threshold byGroup = group == null ? null : overrides.get(group);
        return byGroup != null ? byGroup : defaultThreshold;
    }
}
