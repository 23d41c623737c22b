package dev.jig.profile;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What a sampled profile counts. async-profiler records each of them; the JFR fallback records the nearest JFR
 * events (named in {@link dev.jig.record.SampledProfile#event()}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum SampleEvent {
    /** CPU time: a sample per interval of CPU a thread used (async-profiler {@code cpu}; JFR execution samples). */
    CPU,
    /** Wall-clock time: running, waiting or blocked alike (async-profiler {@code wall}; JFR Java + native samples). */
    WALL,
    /** Heap allocations, counted per sampled allocation (async-profiler {@code alloc}; JFR allocation samples). */
    ALLOC,
    /** Contended locks (async-profiler {@code lock}; JFR monitor-enter and park events). */
    LOCK;

    /** The lower-case name used in keys, results and async-profiler commands: {@code cpu}, {@code wall}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The event named {@code key} (any case), or an exception listing the names. */
    public static SampleEvent of(String key) {
        for (SampleEvent event : values()) {
            if (event.key().equalsIgnoreCase(key.strip())) {
                return event;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a sample event; use cpu, wall, alloc or lock.");
    }
}
