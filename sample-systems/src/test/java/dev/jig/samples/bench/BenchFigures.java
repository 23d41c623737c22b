package dev.jig.samples.bench;

import dev.jig.bench.Baseline;
import dev.jig.bench.BaselineCheck;
import dev.jig.bench.Baselines;
import dev.jig.bench.Bench;
import dev.jig.bench.BenchOptions;
import dev.jig.bench.BenchTimer;
import dev.jig.bench.Threshold;
import dev.jig.bench.Thresholds;
import dev.jig.record.BaselineComparison;
import dev.jig.record.BenchmarkRecord;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Prints the benchmark fixture's figures, measured side by side in one run:
 * {@code ./mvnw -B -q verify -pl sample-systems -am -DskipTests -Pbench-figures} (about 10 min; runs per kind:
 * {@code -Djig.bench.aa.runs=N}, default 20; JMH forks for (a): {@code -Djig.bench.jmh.forks=N}, default 5; JMH with
 * its default settings too, about 9 minutes more: {@code -Djig.bench.jmh.defaults=true}; only some of the parts:
 * {@code -Djig.bench.figures=a}, {@code b}, {@code c} or a combination, default {@code abc}).
 * <ol>
 *   <li>the same operation (the ATM's codec work for one withdrawal) by JMH (5 forks × 25 iterations of 200 ms,
 *       its own error printed) and by the fixture with its defaults, ten times: how many fixture means are within
 *       ±10 % of JMH's, each with the machine's speed during the run;</li>
 *   <li>the verdict with its defaults, for the wall and the CPU timer: a baseline saved
 *       {@value dev.jig.bench.Baselines#KEPT_RUNS} times, then N identical runs (A/A), N runs 10 % slower and N
 *       runs 25 % slower ({@link SlowedWork}), interleaved, each compared with it: how often each is flagged as a
 *       regression; and the same without calibration;</li>
 *   <li>the interleaved verdict ({@code Bench.compare}) with its defaults, for both timers: the original work as
 *       the baseline action against the same work, 10 % and 25 % more as the candidate, N times each;</li>
 *   <li>only when asked ({@code -Djig.bench.figures=d}, about 6 min): (b) with a JVM per build, as CI meets it
 *       ({@link BuildJvm}; {@code -Djig.bench.builds=N} rounds, default 10).</li>
 * </ol>
 * The load averages ({@code /proc/loadavg}) are printed at the start and the end.
 */
public final class BenchFigures {

    private static final int AGREEMENT_RUNS = 10;
    // Many short iterations in several forks: the machine's speed jumps between two states for seconds at a time,
    // so JMH's error falls with the number of iterations more than with their length (5 × 1 s per fork: 12-18 %).
    private static final int JMH_FORKS = Integer.getInteger("jig.bench.jmh.forks", 5);
    private static final int JMH_WARMUPS = 2;
    private static final int JMH_ITERATIONS = 25;
    private static final int JMH_ITERATION_MILLIS = 200;
    private static final int[] SLOWDOWNS = {0, 10, 25};

    private BenchFigures() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("jig.bench.aa.runs", 20);
        System.out.printf(Locale.ROOT, "Jig benchmark figures: %d CPUs, Java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("load average at start: " + loadAverage());
        String parts = System.getProperty("jig.bench.figures", "abc");
        if (parts.contains("a")) {
            agreement();
            if (Boolean.getBoolean("jig.bench.jmh.defaults")) {
                jmhDefaults();
            }
        }
        if (parts.contains("b")) {
            verdicts(runs, BenchTimer.WALL);
            verdicts(runs, BenchTimer.CPU);
        }
        if (parts.contains("c")) {
            interleaved(runs, BenchTimer.WALL);
            interleaved(runs, BenchTimer.CPU);
        }
        if (parts.contains("d")) {
            int builds = Integer.getInteger("jig.bench.builds", 10);
            acrossJvms(builds, BenchTimer.WALL);
            acrossJvms(builds, BenchTimer.CPU);
        }
        System.out.println("load average at end: " + loadAverage());
    }

    /** The 1, 5 and 15 minute load averages (Linux), to print beside the figures. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
            return String.join(" ", Arrays.copyOf(fields, 3));
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** JMH, 5 forks × (2 × 1 s warmup + 25 × 200 ms), against ten default fixture runs. */
    private static void agreement() throws Exception {
        long start = System.nanoTime();
        BenchmarkRecord jmh = JmhRun.run(JmhRun.codec("atmRoundTrip").verbosity(VerboseMode.SILENT).forks(JMH_FORKS)
                .warmupIterations(JMH_WARMUPS).warmupTime(TimeValue.seconds(1)).measurementIterations(JMH_ITERATIONS)
                .measurementTime(TimeValue.milliseconds(JMH_ITERATION_MILLIS))).get(0);
        long jmhNanos = System.nanoTime() - start;
        double score = jmh.stats().mean();
        StringBuilder runs = new StringBuilder();
        int within = 0;
        long fixtureNanos = 0;
        for (int i = 0; i < AGREEMENT_RUNS; i++) {
            start = System.nanoTime();
            BenchmarkRecord fixture = Bench.create().run("atmRoundTrip", CodecWork::atmRoundTrip);
            fixtureNanos += System.nanoTime() - start;
            double off = percent(fixture.stats().mean(), score);
            within += Math.abs(off) <= 10 ? 1 : 0;
            runs.append(String.format(Locale.ROOT, " %.0f (%+.1f %%; machine %.0f)", fixture.stats().mean(), off,
                    median(fixture.calibration())));
        }
        System.out.printf(Locale.ROOT, "(a) atmRoundTrip: JMH %.1f ± %.1f ns/op (error %.1f %% of the score; %d "
                        + "forks × (%d × 1 s warmup + %d × %d ms), %.1f s)%n", score, error(jmh),
                100 * error(jmh) / score, JMH_FORKS, JMH_WARMUPS, JMH_ITERATIONS, JMH_ITERATION_MILLIS, jmhNanos / 1e9);
        System.out.println("(a) fixture, defaults, mean ns/op (vs JMH; the machine's speed during the run, calibration "
                + "ns per unit):" + runs);
        System.out.printf(Locale.ROOT, "(a) fixture means within ±10 %% of JMH: %d of %d; fixture %.2f s per run, "
                + "JMH/fixture = %.0f%n", within, AGREEMENT_RUNS, fixtureNanos / 1e9 / AGREEMENT_RUNS,
                jmhNanos / (fixtureNanos / (double) AGREEMENT_RUNS));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    /** JMH with its default settings (5 forks × (5 × 10 s warmup + 5 × 10 s)), against one default fixture run. */
    private static void jmhDefaults() throws Exception {
        long start = System.nanoTime();
        BenchmarkRecord jmh = JmhRun.run(JmhRun.codec("atmRoundTrip").verbosity(VerboseMode.SILENT)).get(0);
        long jmhNanos = System.nanoTime() - start;
        start = System.nanoTime();
        BenchmarkRecord fixture = Bench.create().run("atmRoundTrip", CodecWork::atmRoundTrip);
        long fixtureNanos = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "(a) JMH defaults: %.1f ± %.1f ns/op in %.1f s; fixture %.1f ns/op (%+.1f %%), "
                        + "median %.1f (%+.1f %%), in %.2f s: fixture/JMH = 1/%.0f%n", jmh.stats().mean(), error(jmh),
                jmhNanos / 1e9, fixture.stats().mean(), percent(fixture.stats().mean(), jmh.stats().mean()),
                fixture.stats().median(), percent(fixture.stats().median(), jmh.stats().mean()), fixtureNanos / 1e9,
                (double) jmhNanos / fixtureNanos);
    }

    /**
     * The default verdict on identical runs and on runs with known slowdowns, interleaved, as CI reaches it: the
     * identical runs are the main branch's builds, each compared and then saved (jig.bench.save), so the baseline
     * is their last {@value Baselines#KEPT_RUNS} runs; the slowed runs are pull requests' builds, only compared.
     */
    private static void verdicts(int runs, BenchTimer timer) throws Exception {
        BenchOptions options = BenchOptions.builder().timer(timer).build();
        Baselines baselines = Baselines.at(Files.createTempDirectory("jig-verdict-"));
        String key = Baseline.key("figures", "slowed");
        SlowedWork.slowerBy(0);
        Bench.create(options).run("slowed", SlowedWork::run);   // as in CI: the JVM ran other code first
        for (int i = 0; i < Baselines.KEPT_RUNS; i++) {
            baselines.save("main", Map.of(key, Bench.create(options).run("slowed", SlowedWork::run)));
        }
        BaselineCheck check = new BaselineCheck(Thresholds.of(Threshold.DEFAULT));
        int[] flagged = new int[SLOWDOWNS.length];
        int[] flaggedRaw = new int[SLOWDOWNS.length];
        double[][] deltas = new double[SLOWDOWNS.length][runs];
        double[] noise = new double[runs * SLOWDOWNS.length];
        int confirmed = 0;
        double[] elasticity = new double[runs * SLOWDOWNS.length];
        for (int i = 0; i < runs; i++) {
            Baseline baseline = baselines.find("main").orElseThrow();
            Baseline uncalibrated = new Baseline(baseline.id(), baseline.created(), baseline.machine(),
                    baseline.jvm(), Map.of(key, withoutCalibration(baseline.benchmarks().get(key))), Map.of());
            BenchmarkRecord identical = null;
            for (int k = 0; k < SLOWDOWNS.length; k++) {
                SlowedWork.slowerBy(SLOWDOWNS[k]);
                // As a Jig test comparing with a baseline does: a close call is measured again.
                BenchmarkRecord current = Bench.create(options).confirmWhen(check.closeCall("figures", baseline))
                        .run("slowed", SlowedWork::run);
                confirmed += BuildJvm.measuredAgain(current) ? 1 : 0;
                identical = k == 0 ? current : identical;
                BaselineComparison c = check.compareAll("figures", List.of(current), baseline).get(0).baseline();
                flagged[k] += c.regression() ? 1 : 0;
                deltas[k][i] = c.deltaPercent();
                noise[i * SLOWDOWNS.length + k] = c.noisePercent();
                elasticity[i * SLOWDOWNS.length + k] = c.elasticity() == null ? Double.NaN : c.elasticity();
                BaselineComparison raw = check.compareAll("figures", List.of(withoutCalibration(current)),
                        uncalibrated).get(0).baseline();
                flaggedRaw[k] += raw.regression() ? 1 : 0;
            }
            baselines.save("main", Map.of(key, identical));
        }
        SlowedWork.slowerBy(0);
        for (int k = 0; k < SLOWDOWNS.length; k++) {
            System.out.printf(Locale.ROOT, "(b) %s timer, %s; without calibration %d of %d flagged%n", timer.name(),
                    rates(k, flagged[k], deltas[k], "calibrated delta"), flaggedRaw[k], runs);
        }
        Arrays.sort(noise);
        Arrays.sort(elasticity);
        System.out.printf(Locale.ROOT, "(b) %s timer: threshold %s, baseline of the last %d saved identical runs, "
                        + "noise median ±%.1f %% (max ±%.1f %%), elasticity median %.2f (%.2f … %.2f), %d of %d runs "
                        + "measured more than once (close calls); targets: A/A <= 5 %%, 10 %% slower >= 95 %%, "
                        + "25 %% slower 100 %%%n", timer.name(), Threshold.DEFAULT, Baselines.KEPT_RUNS,
                noise[noise.length / 2], noise[noise.length - 1], elasticity[elasticity.length / 2], elasticity[0],
                elasticity[elasticity.length - 1], confirmed, runs * SLOWDOWNS.length);
    }

    /**
     * The interleaved verdict ({@code Bench.compare}) with its defaults: the original work as the baseline action,
     * against the same work (A/A), 10 % and 25 % more of it as the candidate, N times each, the kinds interleaved.
     */
    private static void interleaved(int runs, BenchTimer timer) {
        BenchOptions options = BenchOptions.builder().timer(timer).build();
        int[] flagged = new int[SLOWDOWNS.length];
        double[][] deltas = new double[SLOWDOWNS.length][runs];
        double[] noise = new double[runs * SLOWDOWNS.length];
        long pairs = 0;
        String message = null;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < SLOWDOWNS.length; k++) {
                BenchmarkRecord compared = Bench.create(options).compare("slowed", SlowedWork.slowerVersion(0),
                        SlowedWork.slowerVersion(SLOWDOWNS[k]));
                BaselineComparison c = compared.baseline();
                flagged[k] += c.regression() ? 1 : 0;
                deltas[k][i] = c.deltaPercent();
                noise[i * SLOWDOWNS.length + k] = c.noisePercent();
                pairs += compared.stats().rounds();
                if (message == null && k == 1 && c.regression()) {
                    message = BaselineCheck.regressions("BenchFigures#interleaved", List.of(compared)).orElseThrow();
                }
            }
        }
        for (int k = 0; k < SLOWDOWNS.length; k++) {
            System.out.printf(Locale.ROOT, "(c) %s timer, %s%n", timer.name(),
                    rates(k, flagged[k], deltas[k], "interleaved delta"));
        }
        Arrays.sort(noise);
        System.out.printf(Locale.ROOT, "(c) %s timer: Bench.compare, threshold %s, %.0f round pairs per comparison, "
                        + "%.1f s each; noise median ±%.1f %% (max ±%.1f %%); targets as (b)%n", timer.name(),
                Threshold.DEFAULT, (double) pairs / (runs * SLOWDOWNS.length),
                (System.nanoTime() - start) / 1e9 / (runs * SLOWDOWNS.length), noise[noise.length / 2],
                noise[noise.length - 1]);
        System.out.printf("(c) %s timer, a 10 %% slowdown's message: %s%n", timer.name(), message);
    }

    /**
     * The saved-baseline verdict as CI meets it, every build in a JVM of its own ({@link BuildJvm}): a baseline saved
     * by {@value Baselines#KEPT_RUNS} main-branch builds, then N rounds of an identical build (compared, then saved),
     * a build 10 % slower and one 25 % slower (only compared).
     */
    private static void acrossJvms(int builds, BenchTimer timer) throws Exception {
        java.nio.file.Path dir = Files.createTempDirectory("jig-builds-");
        long start = System.nanoTime();
        for (int i = 0; i < Baselines.KEPT_RUNS; i++) {
            BuildJvm.launch(dir, timer, 0, true);
        }
        int[] flagged = new int[SLOWDOWNS.length];
        int again = 0;
        double[][] deltas = new double[SLOWDOWNS.length][builds];
        for (int i = 0; i < builds; i++) {
            for (int k = 0; k < SLOWDOWNS.length; k++) {
                BuildJvm.Verdict v = BuildJvm.launch(dir, timer, SLOWDOWNS[k], SLOWDOWNS[k] == 0).orElseThrow();
                flagged[k] += v.regression() ? 1 : 0;
                again += v.measuredAgain() ? 1 : 0;
                deltas[k][i] = v.delta();
            }
        }
        for (int k = 0; k < SLOWDOWNS.length; k++) {
            System.out.printf(Locale.ROOT, "(d) %s timer, a JVM per build, %s%n", timer.name(),
                    rates(k, flagged[k], deltas[k], "delta"));
        }
        System.out.printf(Locale.ROOT, "(d) %s timer: %d build JVMs in %.0f s, %d of %d compared builds measured "
                + "more than once%n", timer.name(), Baselines.KEPT_RUNS + builds * SLOWDOWNS.length,
                (System.nanoTime() - start) / 1e9, again, builds * SLOWDOWNS.length);
    }

    /** One kind's line: how many of its runs were flagged, and the median and range of their deltas. */
    private static String rates(int kind, int flagged, double[] deltas, String deltaName) {
        double[] d = deltas.clone();
        Arrays.sort(d);
        int n = d.length;
        return String.format(Locale.ROOT, "%-16s %2d of %d flagged (%3.0f %%); %s median %+5.1f %%, range %+.1f … "
                        + "%+.1f %%", (SLOWDOWNS[kind] == 0 ? "A/A (identical)" : SLOWDOWNS[kind] + " % slower") + ":",
                flagged, n, 100.0 * flagged / n, deltaName, d[n / 2], d[0], d[n - 1]);
    }

    private static BenchmarkRecord withoutCalibration(BenchmarkRecord b) {
        return new BenchmarkRecord(b.name(), b.group(), b.unit(), b.stats(), b.source(), null, b.relative(),
                b.percentiles(), b.histogram(), b.samples(), List.of(), b.warnings(), b.jmh());
    }

    private static double percent(double value, double reference) {
        return (value - reference) / reference * 100;
    }

    private static double error(BenchmarkRecord jmh) {
        Double error = jmh.jmh().error();
        return error == null ? Double.NaN : error;
    }
}
