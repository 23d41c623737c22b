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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * <li>time inflation on fib(25) and the teller, side by side: uninstrumented; the exact profile (timed probe);
 * and the hybrid ({@code mode = BOTH}: counting probe, time from samples), with, for comparison, the hybrid as it
 * was before the counting probe (a timed exact profile beside a sampled one).</li>
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
        if (!Boolean.getBoolean("jig.figures.inflationOnly")) {
            agreement("jackson (2,000 maps)", RealWorkloads::jackson);
            agreement("java.util.regex", RealWorkloads::regex);
            agreement("sort (20,000 records)", RealWorkloads::sort);
            agreement("ATM teller", RealWorkloads::teller);
        }
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
        Rounds plain = new Rounds();
        for (int i = 0; i < rounds; i++) {
            plain.time(workload);
        }
        ProfileOptions exact = ProfileOptions.exact(include).foldBelow(0);
        try (Profiler warm = Profiler.start(exact)) {
            for (int i = 0; i < rounds; i++) {
                workload.getAsLong(); // warm up instrumented
            }
        }
        List<Long> reported = new ArrayList<>();
        Rounds timed = new Rounds();
        long calls = 0;
        long overhead = 0;
        for (int i = 0; i < 30; i++) {
            Profiler profiler = Profiler.start(exact);
            timed.time(workload);
            ProfileRecord record = profiler.stop();
            reported.add(record.exact().tree().children().stream().mapToLong(CallNode::totalNanos).sum());
            calls = record.exact().flat().stream().mapToLong(r -> r.calls()).sum();
            overhead = record.exact().overheadNanosPerCall();
        }
        Hybrid before = hybrid(workload, exact, entry, false);
        try (Profiler warm = Profiler.start(exact.mode(ProfileMode.BOTH))) {
            for (int i = 0; i < rounds; i++) {
                workload.getAsLong(); // warm up woven with the counting probe
            }
        }
        Hybrid counting = hybrid(workload, exact, entry, true);
        long reportedMedian = median(reported);
        long base = plain.cpu();
        System.out.printf(Locale.ROOT, "%n%s: %,d calls per round (exact); %d rounds uninstrumented: CPU median "
                        + "%.3f ms, mean %.3f ms (wall median %.3f ms). Factors: CPU medians against the median, "
                        + "time from samples (a mean) against the mean%n", name, calls, rounds, base / 1e6,
                plain.cpuMean() / 1e6, plain.wall() / 1e6);
        System.out.printf(Locale.ROOT, "  exact (timed probe): CPU %.3f ms (%.1fx), wall %.3f ms; the profile's "
                        + "time after subtracting %d ns/call %.3f ms: %.1fx%n", timed.cpu() / 1e6,
                (double) timed.cpu() / base, timed.wall() / 1e6, overhead, reportedMedian / 1e6,
                (double) reportedMedian / base);
        before.print("before: timed probe + samples", plain);
        counting.print("hybrid, mode both (counting probe + samples)", plain);
        System.out.printf(Locale.ROOT, "  hybrid counts exact: %s (%,d counted in %d rounds, %,d per round)%n",
                counting.counted == calls * counting.rounds.size(), counting.counted, counting.rounds.size(), calls);
    }

    /**
     * A hybrid profile for the figures' window, each round timed: the rounds' median CPU time, and the time per
     * round that samples show in {@code entry} (its total in the hybrid view), and how much of it is in Jig's own
     * frames ({@code dev.jig.profile.*}: the probe, inlined into the woven methods). {@code counting}: the hybrid of {@code mode = BOTH} (counting
     * probe); else, as before it, a timed exact profile with a sampled one recording at the same time.
     */
    private static Hybrid hybrid(LongSupplier workload, ProfileOptions exact, String entry, boolean counting) {
        Rounds rounds = new Rounds();
        ProfileOptions sampledEvery1ms = ProfileOptions.sampled().interval(Duration.ofMillis(1));
        Profiler samples = counting ? null : Profiler.start(sampledEvery1ms);
        ProfileRecord record;
        try (Profiler profiler = Profiler.start(counting
                ? exact.mode(ProfileMode.BOTH).interval(Duration.ofMillis(1)) : exact)) {
            long end = System.nanoTime() + WINDOW.toNanos();
            while (System.nanoTime() < end) {
                rounds.time(workload);
            }
            record = profiler.stop();
        }
        SampledProfile sampled = counting ? record.sampled() : samples.stop().sampled();
        long inEntry = sampled.flat().stream().filter(r -> r.method().equals(entry))
                .mapToLong(SampledFlatRow::totalSamples).sum();
        long jigs = sampled.flat().stream().filter(r -> r.method().startsWith("dev.jig.profile."))
                .mapToLong(SampledFlatRow::selfSamples).sum();
        long counted = record.exact().flat().stream().mapToLong(r -> r.calls()).sum();
        int n = rounds.size();
        return new Hybrid(rounds, inEntry * sampled.intervalNanos() / n, (inEntry - jigs) * sampled.intervalNanos() / n,
                counted, sampled.samples());
    }

    private record Hybrid(Rounds rounds, long sampled, long sampledWithoutJig, long counted, long samples) {
        void print(String what, Rounds plain) {
            double mean = plain.cpuMean();
            System.out.printf(Locale.ROOT, "  %s: CPU %.3f ms (%.1fx), wall %.3f ms; time in the workload from "
                            + "%,d samples, as the hybrid view shows it: %.3f ms (%.1fx), of which in Jig's frames "
                            + "%.3f ms%n", what, rounds.cpu() / 1e6, (double) rounds.cpu() / plain.cpu(),
                    rounds.wall() / 1e6, samples, sampled / 1e6, sampled / mean, (sampled - sampledWithoutJig) / 1e6);
        }
    }

    /** Rounds of a workload, each timed by the thread's CPU clock (load on the shared machine stretches wall). */
    private static final class Rounds {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final List<Long> cpu = new ArrayList<>();
        private final List<Long> wall = new ArrayList<>();

        void time(LongSupplier workload) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            workload.getAsLong();
            wall.add(System.nanoTime() - start);
            cpu.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
        }

        long cpu() {
            return median(cpu);
        }

        long wall() {
            return median(wall);
        }

        double cpuMean() {
            return cpu.stream().mapToLong(Long::longValue).average().orElse(0);
        }

        int size() {
            return cpu.size();
        }
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
