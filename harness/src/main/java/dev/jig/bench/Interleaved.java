package dev.jig.bench;

import java.util.Arrays;

/**
 * The measuring loop of {@link Bench#compare}: both actions prepared (calibrated and warmed up) one after the
 * other, then rounds of the two taken in pairs, alternately in the order baseline-candidate and
 * candidate-baseline (ABBA), until enough pairs and enough time. A load change that slows one round slows the
 * other round of its pair alike, and the alternating order cancels whatever the first round of a pair does to
 * the second (its garbage, the caches it leaves).
 */
final class Interleaved {

    /** Round pairs measured at least, whatever {@code maxTime}: a verdict on fewer is not worth much. */
    static final int MIN_PAIRS = 20;
    private static final int MAX_PAIRS = 1_000_000;
    /** First-quarter and last-quarter ratios this far apart, with JIT work between, mean a late compilation. */
    static final double DRIFT = 0.05;

    /**
     * Per round pair, the time per operation of each action; {@code baseline[i]} and {@code candidate[i]}
     * were measured back to back.
     */
    record Pairs(double[] baseline, double[] candidate, long baselineIterations, long candidateIterations) {
    }

    private final BenchOptions options;
    private final Measurement.Round baseline;
    private final Measurement.Round candidate;

    Interleaved(BenchOptions options, Measurement.Round baseline, Measurement.Round candidate) {
        this.options = options;
        this.baseline = baseline;
        this.candidate = candidate;
    }

    /** Prepares both, then measures at least {@code max(minRounds, 20)} pairs and for {@code maxTime}. */
    Pairs measure() {
        long baselineIterations = prepare(baseline, "baseline");
        long candidateIterations = prepare(candidate, "candidate");
        Pairs none = new Pairs(new double[0], new double[0], baselineIterations, candidateIterations);
        int minPairs = Math.max(MIN_PAIRS, options.minRounds());
        long compiled = Measurement.jitMillis();
        Pairs pairs = more(none, minPairs);
        // On a busy machine a compilation queued during warmup can land while the pairs run, and then one side
        // was slower early on (we saw an A/A comparison at +11.9 %): those pairs were warmup, measure afresh.
        for (int again = 0; again < Measurement.MAX_REMEASURES && Measurement.jitMillis() != compiled
                && drifted(pairs); again++) {
            compiled = Measurement.jitMillis();
            pairs = more(none, minPairs);
        }
        return pairs;
    }

    /** Whether the first quarter's median ratio differs from the last quarter's by more than {@value #DRIFT}. */
    static boolean drifted(Pairs pairs) {
        return Stats.firstOverLastQuarter(PairedVerdict.ratios(pairs)).stream()
                .anyMatch(ratio -> Math.abs(ratio - 1) > DRIFT);
    }

    /** {@code pairs} and at least {@code minPairs} more, measured for another {@code maxTime}. */
    Pairs more(Pairs pairs, int minPairs) {
        int count = pairs.baseline().length;
        int least = count + minPairs;
        double[] before = Arrays.copyOf(pairs.baseline(), Math.max(least, 64));
        double[] after = Arrays.copyOf(pairs.candidate(), before.length);
        long end = System.nanoTime() + options.maxTime().toNanos();
        while (count < MAX_PAIRS && (count < least || System.nanoTime() < end)) {
            if (count == before.length) {
                before = Arrays.copyOf(before, count * 2);
                after = Arrays.copyOf(after, count * 2);
            }
            if (count % 2 == 0) {
                before[count] = time(baseline, pairs.baselineIterations(), "baseline");
                after[count] = time(candidate, pairs.candidateIterations(), "candidate");
            } else {
                after[count] = time(candidate, pairs.candidateIterations(), "candidate");
                before[count] = time(baseline, pairs.baselineIterations(), "baseline");
            }
            count++;
        }
        return new Pairs(Arrays.copyOf(before, count), Arrays.copyOf(after, count), pairs.baselineIterations(),
                pairs.candidateIterations());
    }

    private long prepare(Measurement.Round round, String which) {
        try {
            return new Measurement(options, round).prepared();
        } catch (Exception e) {
            throw new ActionFailed(which, e);
        }
    }

    /** One round's time per operation, without the time the thread waited for a CPU (wall timer, Linux). */
    private double time(Measurement.Round round, long iterations, String which) {
        if (options.gcBetweenRounds()) {
            System.gc();
        }
        try {
            CpuWait.Mark mark = CpuWait.before(options.timer());
            return (double) CpuWait.leftOut(mark, round.time(iterations)) / iterations;
        } catch (Exception e) {
            throw new ActionFailed(which, e);
        }
    }

    /** The baseline or the candidate action threw; {@link Bench} names the benchmark in its message. */
    static final class ActionFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String which;

        ActionFailed(String which, Exception cause) {
            super(cause);
            this.which = which;
        }

        String which() {
            return which;
        }
    }
}
