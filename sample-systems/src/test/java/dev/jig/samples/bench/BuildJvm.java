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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One CI build's benchmark, in a JVM of its own, as {@link BenchFigures}' part (d) launches it: the JVM first runs
 * the benchmark once unsaved (a test JVM has run other code before), then measures it as a Jig test comparing
 * with the baseline {@code main} does (a close call measured again), prints the verdict on one line, and saves
 * the run into {@code main} when asked (a main-branch build).
 *
 * <p>Arguments: the baselines' directory, {@code wall} or {@code cpu}, the slowdown in percent, {@code save} or
 * {@code compare}.
 */
public final class BuildJvm {

    static final String SCOPE = "figures";
    private static final String KEY = Baseline.key(SCOPE, "slowed");

    private BuildJvm() {
    }

    public static void main(String[] args) throws Exception {
        Baselines baselines = Baselines.at(Path.of(args[0]));
        BenchOptions options = BenchOptions.builder().timer(args[1].equals("cpu") ? BenchTimer.CPU : BenchTimer.WALL)
                .build();
        SlowedWork.slowerBy(Integer.parseInt(args[2]));
        boolean save = args[3].equals("save");
        Bench.create(options).run("slowed", SlowedWork::run);
        Optional<Baseline> baseline = baselines.find("main");
        BaselineCheck check = new BaselineCheck(Thresholds.of(Threshold.DEFAULT));
        Bench bench = Bench.create(options);
        if (baseline.isPresent()) {
            bench = bench.confirmWhen(check.closeCall(SCOPE, baseline.get()));
        }
        BenchmarkRecord current = bench.run("slowed", SlowedWork::run);
        if (baseline.isPresent()) {
            BaselineComparison c = check.compareAll(SCOPE, List.of(current), baseline.get()).get(0).baseline();
            System.out.printf(Locale.ROOT, "verdict %b %.2f %.2f %d%n", c.regression(), c.deltaPercent(),
                    c.noisePercent(), measuredAgain(current) ? 1 : 0);
        } else {
            System.out.println("verdict none");
        }
        if (save) {
            baselines.save("main", Map.of(KEY, current));
        }
    }

    /** Whether {@code benchmark} was a close call against its baseline and so measured again (its warning says). */
    static boolean measuredAgain(BenchmarkRecord benchmark) {
        return benchmark.warnings().stream().anyMatch(w -> w.contains("a close call against the baseline"));
    }

    /** The verdict of one build in a new JVM: regression, delta, noise and whether it was measured again. */
    record Verdict(boolean regression, double delta, double noise, boolean measuredAgain) {
    }

    /** Runs one build in a new JVM with this JVM's class path; its verdict, or empty for the first save. */
    static Optional<Verdict> launch(Path dir, BenchTimer timer, int slowdown, boolean save) throws IOException,
            InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BuildJvm.class.getName(), dir.toString(), timer == BenchTimer.CPU ? "cpu" : "wall",
                Integer.toString(slowdown), save ? "save" : "compare").redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("a build JVM did not end within 2 minutes");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String line = out.lines().filter(l -> l.startsWith("verdict ")).findFirst().orElseThrow(() ->
                new IllegalStateException("a build JVM exited " + process.exitValue() + " without a verdict:\n" + out));
        String[] f = line.split(" ");
        if (f[1].equals("none")) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(Boolean.parseBoolean(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                f[4].equals("1")));
    }
}
