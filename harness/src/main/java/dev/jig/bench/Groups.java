package dev.jig.bench;

import dev.jig.record.BenchmarkRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Within each group, every benchmark's mean relative to the fastest (1.0 for the fastest). */
final class Groups {

    private Groups() {
    }

    static List<BenchmarkRecord> relative(List<BenchmarkRecord> benchmarks) {
        Map<String, Double> fastest = new HashMap<>();
        for (BenchmarkRecord b : benchmarks) {
            if (b.group() != null) {
                fastest.merge(b.group(), b.stats().mean(), Math::min);
            }
        }
        return benchmarks.stream()
                .map(b -> b.group() == null ? b : b.withRelative(b.stats().mean() / fastest.get(b.group())))
                .toList();
    }
}
