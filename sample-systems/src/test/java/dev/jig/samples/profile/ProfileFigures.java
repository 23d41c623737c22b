package dev.jig.samples.profile;

import dev.jig.profile.Agreement;
import dev.jig.profile.MethodNames;
import dev.jig.profile.ProfileMode;
import dev.jig.profile.ProfileOptions;
import dev.jig.profile.Profiler;
import dev.jig.profile.SamplingEngine;
import dev.jig.record.CallNode;
import dev.jig.record.ProfileRecord;
import dev.jig.record.SampledFlatRow;
import dev.jig.record.SampledProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import one.profiler.AsyncProfiler;

/**
 * The profiler's figures on real code, from one JVM started without any flag:
 * <ol>
 * <li>per workload (Jackson, regex, sort, the ATM teller), the top-10 methods by self time of Jig's sampled
 * profile (default engine), of async-profiler's own flat report of the same samples, and of JFR (Jig's
 * fallback engine) recording at the same time, side by side, with the agreement counts and overlaps;</li>
 * <li>exact-profile time inflation on fib(25) and the teller: uninstrumented vs instrumented, side by side.</li>
 * </ol>
 * Command: {@code ./mvnw -B -q verify -pl sample-systems -am -Pprofile-figures}.
 */
public final class ProfileFigures {

    private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("jig.figures.seconds", 3));

    private ProfileFigures() {
    }

    public static void main(String[] args) {
        // What Jig's session listener does when a test JVM starts: code compiled from now on names inlined methods.
        if (!Boolean.getBoolean("jig.figures.noPreload")) {
            System.out.println("Sampling engine: " + Profiler.preloadSampler());
        }
        agreement("jackson (2,000 maps)", RealWorkloads::jackson);
        agreement("java.util.regex", RealWorkloads::regex);
        agreement("sort (20,000 records)", RealWorkloads::sort);
        agreement("ATM teller", RealWorkloads::teller);
        inflation("fib(25)", () -> Fib.fib(25), "dev.jig.samples.profile.Fib", "dev.jig.samples.profile.Fib.fib");
        inflation("ATM teller (20,000 requests)", RealWorkloads::teller, "dev.jig.samples.atm",
                "dev.jig.samples.profile.RealWorkloads.teller");
    }

    static void agreement(String name, LongSupplier workload) {
        Profiler jfr = Profiler.start(ProfileOptions.sampled().engine(SamplingEngine.JFR));
        Profiler jig = Profiler.start(ProfileOptions.sampled());
        long sink = 0;
        long end = System.nanoTime() + WINDOW.toNanos();
        while (System.nanoTime() < end) {
            sink += workload.getAsLong();
        }
        SampledProfile jigProfile = jig.stop().sampled();
        SampledProfile jfrProfile = jfr.stop().sampled();
        Map<String, Long> native10 = asyncProfilersOwnFlat(jigProfile);
        Agreement withNative = Agreement.of(Agreement.selfSamples(jigProfile), native10, 10);
        Agreement withJfr = Agreement.of(jigProfile, jfrProfile, 10);
        System.out.printf(Locale.ROOT, "%n%s (checksum %d): Jig %s/%s %d samples, JFR %s %d samples%n", name, sink,
                jigProfile.engine(), jigProfile.event(), jigProfile.samples(), jfrProfile.event(),
                jfrProfile.samples());
        System.out.printf(Locale.ROOT, "  %-4s %-48s %-48s %s%n", "rank", "Jig (default engine)",
                "async-profiler's own flat report", "JFR (fallback engine)");
        for (int i = 0; i < 10; i++) {
            System.out.printf(Locale.ROOT, "  %-4d %-48s %-48s %s%n", i + 1, at(withJfr.top(), i),
                    at(withNative.other(), i), at(withJfr.other(), i));
        }
        System.out.printf(Locale.ROOT, "  agreement: Jig vs async-profiler's report %d of 10; JFR vs Jig "
                + "(async-profiler) %d of 10 (overlap of self-time shares %.2f)%n", withNative.shared(),
                withJfr.shared(), withJfr.overlap());
    }

    /** async-profiler's flat report ({@code dumpFlat}) of the session Jig just stopped, Java methods only. */
    private static Map<String, Long> asyncProfilersOwnFlat(SampledProfile jig) {
        Map<String, Long> self = new HashMap<>();
        if (!SampledProfile.ASYNC_PROFILER.equals(jig.engine())) {
            return self;
        }
        for (String line : AsyncProfiler.getInstance().dumpFlat(40).split("\n")) {
            String[] cells = line.strip().split("\\s+");
            if (cells.length == 4 && cells[1].endsWith("%") && !cells[3].startsWith("[")) {
                self.merge(MethodNames.qualified(cells[3]), Long.parseLong(cells[2]), Long::sum);
            }
        }
        return self;
    }

    static void inflation(String name, LongSupplier workload, String include, String entry) {
        int rounds = Integer.getInteger("jig.figures.rounds", 300);
        for (int i = 0; i < rounds; i++) {
            workload.getAsLong(); // warm up uninstrumented
        }
        long plain = medianRound(workload, rounds);
        ProfileOptions exact = ProfileOptions.exact(include).foldBelow(0);
        try (Profiler warm = Profiler.start(exact)) {
            for (int i = 0; i < rounds; i++) {
                workload.getAsLong(); // warm up instrumented
            }
        }
        List<Long> reported = new ArrayList<>();
        List<Long> walls = new ArrayList<>();
        long calls = 0;
        long overhead = 0;
        for (int i = 0; i < 30; i++) {
            Profiler profiler = Profiler.start(exact);
            long start = System.nanoTime();
            workload.getAsLong();
            walls.add(System.nanoTime() - start);
            ProfileRecord record = profiler.stop();
            reported.add(record.exact().tree().children().stream().mapToLong(CallNode::totalNanos).sum());
            calls = record.exact().flat().stream().mapToLong(r -> r.calls()).sum();
            overhead = record.exact().overheadNanosPerCall();
        }
        long hybrid = hybridTimePerRound(workload, exact, entry);
        long reportedMedian = median(reported);
        long wallMedian = median(walls);
        System.out.printf(Locale.ROOT, "%n%s: %,d calls per round (exact); median of %d rounds uninstrumented "
                        + "%.3f ms; instrumented: wall %.3f ms (%.1fx), exact profile's time after subtracting %d "
                        + "ns/call %.3f ms: inflation %.1fx; hybrid (mode both: time from samples, Jig's own "
                        + "frames left out) %.3f ms: %.1fx%n", name, calls, rounds, plain / 1e6, wallMedian / 1e6,
                (double) wallMedian / plain, overhead, reportedMedian / 1e6, (double) reportedMedian / plain,
                hybrid / 1e6, (double) hybrid / plain);
    }

    /**
     * The time per round that the hybrid view shows: samples with {@code entry} on the stack, less those whose top
     * frame is Jig's recorder (the instrumentation's own cost), times the interval, per round.
     */
    private static long hybridTimePerRound(LongSupplier workload, ProfileOptions exact, String entry) {
        long rounds = 0;
        ProfileRecord both;
        try (Profiler profiler = Profiler.start(exact.mode(ProfileMode.BOTH).interval(Duration.ofMillis(1)))) {
            long end = System.nanoTime() + WINDOW.toNanos();
            while (System.nanoTime() < end) {
                workload.getAsLong();
                rounds++;
            }
            both = profiler.stop();
        }
        SampledProfile samples = both.sampled();
        long inEntry = samples.flat().stream().filter(r -> r.method().equals(entry))
                .mapToLong(SampledFlatRow::totalSamples).sum();
        long recorder = samples.flat().stream().filter(r -> r.method().startsWith("dev.jig.profile."))
                .mapToLong(SampledFlatRow::selfSamples).sum();
        return (inEntry - recorder) * samples.intervalNanos() / Math.max(1, rounds);
    }

    private static long medianRound(LongSupplier workload, int rounds) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            workload.getAsLong();
            times.add(System.nanoTime() - start);
        }
        return median(times);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String at(List<String> methods, int i) {
        if (i >= methods.size()) {
            return "";
        }
        String m = methods.get(i);
        int cls = m.lastIndexOf('.', m.lastIndexOf('.') - 1);
        String shortName = m.substring(cls + 1);
        return shortName.length() > 46 ? shortName.substring(0, 46) : shortName;
    }
}
