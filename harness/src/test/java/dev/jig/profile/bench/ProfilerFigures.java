package dev.jig.profile.bench;

import dev.jig.profile.ProfileOptions;
import dev.jig.profile.Profiler;
import dev.jig.profiled.Reference;
import dev.jig.record.FlatRow;
import dev.jig.record.ProfileRecord;
import dev.jig.record.SampledFlatRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Prints the profiler's figures: JMH's {@link ProfilerBenchmark} (short: one fork, 2 warm-up and 5 measured
 * iterations of 1 s), then the top-10 agreement of exact and sampled profiles of {@link Reference}. Command:
 * {@code ./mvnw -B -q verify -pl harness -Pprofile-bench}.
 */
public final class ProfilerFigures {

    private ProfilerFigures() {
    }

    public static void main(String[] args) throws RunnerException {
        Map<String, Double> ns = new HashMap<>();
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ProfilerBenchmark.class.getName())
                .forks(1).warmupIterations(2).measurementIterations(5)
                .warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1))
                .build()).run();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            ns.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        double perCall = ns.get("instrumentedCall") - ns.get("plainCall");
        System.out.printf(Locale.ROOT, "%nInstrumented call: %.1f ns (plain %.1f ns), cost %.1f ns per call; "
                        + "two System.nanoTime(): %.1f ns; ratio %.2fx (target <= 2x)%n", ns.get("instrumentedCall"),
                ns.get("plainCall"), perCall, ns.get("twoNanoTimes"), perCall / ns.get("twoNanoTimes"));
        System.out.printf(Locale.ROOT, "CPU-bound workload: %.0f ns unprofiled, %.0f ns sampled every 10 ms: "
                        + "overhead %.2f %% (target <= 3 %%)%n", ns.get("cpuBound"), ns.get("cpuBoundSampled"),
                100 * (ns.get("cpuBoundSampled") / ns.get("cpuBound") - 1));
        agreement();
        interleavedSamplingOverhead();
    }

    /**
     * The sampling overhead again, less exposed to a shared machine's load drifting between JMH's forks: one JVM,
     * ten pairs of 1-second rounds, unprofiled then sampled, the median of the pairs' ratios.
     */
    static void interleavedSamplingOverhead() {
        Reference.run(20_000); // warm up
        List<Double> ratios = new ArrayList<>();
        for (int pair = 0; pair < 10; pair++) {
            double plain = roundsPerSecond();
            double sampled;
            Profiler profiler = Profiler.start(ProfileOptions.sampled());
            try {
                sampled = roundsPerSecond();
            } finally {
                profiler.stop();
            }
            ratios.add(plain / sampled);
        }
        ratios.sort(null);
        double median = (ratios.get(4) + ratios.get(5)) / 2;
        System.out.printf(Locale.ROOT, "Interleaved (10 pairs of 1 s rounds, one JVM): median sampling overhead "
                + "%.2f %% (min %.2f %%, max %.2f %%)%n", 100 * (median - 1), 100 * (ratios.get(0) - 1),
                100 * (ratios.get(9) - 1));
    }

    private static double roundsPerSecond() {
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(1).toNanos();
        long rounds = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += Reference.run(20);
            rounds++;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the work observable to the JIT
        }
        return rounds * 1e9 / (System.nanoTime() - start);
    }

    /** Exact and sampled top-10 by self time of the same workload, and how many methods they share. */
    static void agreement() {
        Reference.run(20_000); // warm up, so that both profiles see compiled code
        // Sampled first: once woven, the classes stay woven, and the samples would see the advice too.
        ProfileRecord sampled;
        try (Profiler profiler = Profiler.start(ProfileOptions.sampled().interval(Duration.ofMillis(10)))) {
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < end) {
                Reference.run(1_000);
            }
            sampled = profiler.stop();
        }
        ProfileRecord exact;
        try (Profiler profiler = Profiler.start(ProfileOptions.exact("dev.jig.profiled"))) {
            Reference.run(20_000);
            exact = profiler.stop();
        }
        List<String> exactTop = exact.exact().flat().stream().limit(10).map(FlatRow::method).toList();
        List<String> sampledTop = sampled.sampled().flat().stream().limit(10).map(SampledFlatRow::method).toList();
        List<String> shared = new ArrayList<>(exactTop);
        shared.retainAll(sampledTop);
        System.out.printf(Locale.ROOT, "Top-10 by self time, exact vs sampled (%d samples): %d of 10 agree%n"
                + "  exact:   %s%n  sampled: %s%n", sampled.sampled().samples(), shared.size(), shortNames(exactTop),
                shortNames(sampledTop));
    }

    private static List<String> shortNames(List<String> methods) {
        return methods.stream().map(m -> m.substring(m.lastIndexOf('.', m.lastIndexOf('.') - 1) + 1)).toList();
    }
}
