package dev.jig.samples.bench;

import dev.jig.bench.Baseline;
import dev.jig.bench.BaselineCheck;
import dev.jig.bench.Baselines;
import dev.jig.bench.Bench;
import dev.jig.bench.BenchOptions;
import dev.jig.bench.BenchTimer;
import dev.jig.bench.Threshold;
import dev.jig.bench.Thresholds;
import dev.jig.record.BenchmarkRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Prints the benchmark fixture's figures, measured side by side in one run:
 * {@code ./mvnw -B -q verify -Pbench-figures} (A/A runs: {@code -Djig.bench.aa.runs=N}; JMH with its default
 * settings too, about 9 minutes more: {@code -Djig.bench.jmh.defaults=true}).
 * <ol>
 *   <li>the same operation (the ATM's codec work for one withdrawal, about 2 µs) by the fixture with its
 *       defaults and by JMH (1 fork, 3 × 1 s warmup, 5 × 1 s measurement): agreement and wall time;</li>
 *   <li>A/A: the identical benchmark compared with its own saved baseline N times (threshold mean:10%), with
 *       the wall and the CPU timer: how often a regression is flagged, and how often a bare significance
 *       test would have flagged.</li>
 * </ol>
 */
public final class BenchFigures {

    private BenchFigures() {
    }

    public static void main(String[] args) throws Exception {
        int aaRuns = Integer.getInteger("jig.bench.aa.runs", 20);
        System.out.printf(Locale.ROOT, "Jig benchmark figures: %d CPUs, Java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        agreement();
        if (Boolean.getBoolean("jig.bench.jmh.defaults")) {
            jmhDefaults();
        }
        aa(aaRuns, BenchTimer.WALL);
        aa(aaRuns, BenchTimer.CPU);
    }

    private static void agreement() throws Exception {
        long start = System.nanoTime();
        BenchmarkRecord before = Bench.create().run("atmRoundTrip", CodecWork::atmRoundTrip);
        long fixtureNanos = System.nanoTime() - start;
        start = System.nanoTime();
        BenchmarkRecord jmh = JmhRun.run(JmhRun.codec("atmRoundTrip").verbosity(VerboseMode.SILENT).forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))).get(0);
        long jmhNanos = System.nanoTime() - start;
        start = System.nanoTime();
        BenchmarkRecord after = Bench.create().run("atmRoundTrip", CodecWork::atmRoundTrip);
        long afterNanos = System.nanoTime() - start;
        double score = jmh.stats().mean();
        StringBuilder successive = new StringBuilder();
        int within = within(before, score) + within(after, score);
        for (int i = 0; i < 5; i++) {
            start = System.nanoTime();
            BenchmarkRecord again = Bench.create().run("atmRoundTrip", CodecWork::atmRoundTrip);
            successive.append(String.format(Locale.ROOT, " %.0f (%+.1f %%, %.2f s)", again.stats().mean(),
                    percent(again.stats().mean(), score), (System.nanoTime() - start) / 1e9));
            within += within(again, score);
        }
        System.out.printf(Locale.ROOT, "(a) atmRoundTrip: JMH %.0f ± %.0f ns/op; fixture %.0f ns/op (%+.1f %%) before "
                        + "JMH, %.0f ns/op (%+.1f %%) after; medians %.0f / %.0f ns%n", score, nullToNaN(jmh),
                before.stats().mean(), percent(before.stats().mean(), score), after.stats().mean(),
                percent(after.stats().mean(), score), before.stats().median(), after.stats().median());
        System.out.println("(a) five more fixture runs, mean ns (vs JMH, wall time):" + successive);
        System.out.printf(Locale.ROOT, "(a) fixture means within ±10 %% of JMH: %d of 7%n", within);
        System.out.printf(Locale.ROOT, "(a) wall time: fixture %.2f s (first in a fresh JVM), %.2f s (after JMH); JMH "
                        + "(1 fork, 3 × 1 s warmup, 5 × 1 s) %.2f s: fixture/JMH = 1/%.1f and 1/%.1f; JMH's defaults "
                        + "(5 forks × (5 × 10 s + 5 × 10 s)) take over 500 s%n", fixtureNanos / 1e9, afterNanos / 1e9,
                jmhNanos / 1e9, (double) jmhNanos / fixtureNanos, (double) jmhNanos / afterNanos);
    }

    /** JMH with its default settings (5 forks × (5 × 10 s warmup + 5 × 10 s)), against one default fixture run. */
    private static void jmhDefaults() throws Exception {
        long start = System.nanoTime();
        BenchmarkRecord jmh = JmhRun.run(JmhRun.codec("atmRoundTrip").verbosity(VerboseMode.SILENT)).get(0);
        long jmhNanos = System.nanoTime() - start;
        start = System.nanoTime();
        BenchmarkRecord fixture = Bench.create().run("atmRoundTrip", CodecWork::atmRoundTrip);
        long fixtureNanos = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "(a) JMH defaults: %.0f ± %.0f ns/op in %.1f s; fixture %.0f ns/op (%+.1f %%), median %.0f "
                        + "(%+.1f %%), in %.2f s: fixture/JMH = 1/%.0f%n", jmh.stats().mean(), nullToNaN(jmh),
                jmhNanos / 1e9, fixture.stats().mean(), percent(fixture.stats().mean(), jmh.stats().mean()),
                fixture.stats().median(), percent(fixture.stats().median(), jmh.stats().mean()), fixtureNanos / 1e9,
                (double) jmhNanos / fixtureNanos);
    }

    private static int within(BenchmarkRecord fixture, double jmhScore) {
        return Math.abs(percent(fixture.stats().mean(), jmhScore)) <= 10 ? 1 : 0;
    }

    private static void aa(int runs, BenchTimer timer) throws Exception {
        BenchOptions options = BenchOptions.builder().timer(timer).build();
        Path dir = Files.createTempDirectory("jig-aa-");
        Baselines baselines = Baselines.at(dir);
        BenchmarkRecord saved = Bench.create(options).run("atmRoundTrip", CodecWork::atmRoundTrip);
        baselines.save("aa", Map.of(Baseline.key("aa", saved.name()), saved));
        Baseline baseline = baselines.find("aa").orElseThrow();
        BaselineCheck check = new BaselineCheck(Thresholds.of(Threshold.DEFAULT));
        int flagged = 0;
        int significant = 0;
        double worst = 0;
        for (int i = 0; i < runs; i++) {
            BenchmarkRecord current = Bench.create(options).run("atmRoundTrip", CodecWork::atmRoundTrip);
            BenchmarkRecord compared = check.compareAll("aa", List.of(current), baseline).get(0);
            flagged += compared.baseline().regression() ? 1 : 0;
            significant += compared.baseline().significant() ? 1 : 0;
            worst = Math.max(worst, compared.baseline().deltaPercent());
        }
        System.out.printf(Locale.ROOT, "(b) A/A, %s timer, %d runs against one saved run, threshold %s: %d flagged as "
                        + "regression (%.0f %%); %d differ significantly by Mann-Whitney U alone; largest delta "
                        + "%+.1f %%%n", timer.name(), runs, Threshold.DEFAULT, flagged, 100.0 * flagged / runs, significant,
                worst);
    }

    private static double percent(double value, double reference) {
        return (value - reference) / reference * 100;
    }

    private static double nullToNaN(BenchmarkRecord jmh) {
        Double error = jmh.jmh().error();
        return error == null ? Double.NaN : error * 1.0;
    }
}
