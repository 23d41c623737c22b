package dev.jig.bench;

import dev.jig.record.BenchStats;
import dev.jig.support.JigLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Warnings for measurements too small to mean much. */
final class Floor {

    /** Below this per operation, loop overhead and dead-code elimination dominate what is measured. */
    static final double MIN_NANOS_PER_OPERATION = 10.0;
    /** A round shorter than this many timer steps is mostly timer error. */
    static final long MIN_RESOLUTION_STEPS = 100;

    private Floor() {
    }

    static List<String> warnings(BenchStats stats, long iterations, long resolution, BenchTimer timer) {
        List<String> warnings = new ArrayList<>();
        if (stats.mean() < MIN_NANOS_PER_OPERATION) {
            warnings.add(String.format(Locale.ROOT, "mean %.2f ns per operation is below the %.0f ns floor where "
                    + "loop overhead and dead-code elimination dominate: return the result from the action (it goes "
                    + "into a blackhole) or measure with JMH", stats.mean(), MIN_NANOS_PER_OPERATION));
        }
        double roundNanos = stats.mean() * iterations;
        if (roundNanos < resolution * MIN_RESOLUTION_STEPS) {
            warnings.add(String.format(Locale.ROOT, "rounds last %.0f ns on average, less than %d steps of the "
                    + "%s timer (%d ns each): raise the iterations per round", roundNanos, MIN_RESOLUTION_STEPS,
                    timer.name(), resolution));
        }
        if (!warnings.isEmpty()) {
            JigLog.warn("benchmark: " + String.join("; ", warnings));
        }
        return warnings;
    }
}
