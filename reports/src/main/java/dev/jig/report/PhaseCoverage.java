package dev.jig.report;

import dev.jig.record.PhaseRecord;
import dev.jig.record.TestRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * How much of a test's duration its phases name: the stretches of the test that lie in no phase, each with the
 * phases either side of it, so that a timeline with unnamed time says where.
 *
 * <pre>{@code
 * PhaseCoverage coverage = PhaseCoverage.of(test);
 * if (!coverage.within(1_000_000, 0.01)) System.out.println(coverage.describe());
 * }</pre>
 *
 * @param test          the test's display name
 * @param durationNanos the test's duration
 * @param gaps          the stretches no phase covers, in order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PhaseCoverage(String test, long durationNanos, List<Gap> gaps) {

    /**
     * A stretch of a test no phase covers.
     *
     * @param startNanos    offset from the test's start
     * @param durationNanos its length
     * @param after         the phase that ended where it begins ({@code "(start of test)"} for the first)
     * @param before        the phase that begins where it ends ({@code "(end of test)"} for the last)
     */
    public record Gap(long startNanos, long durationNanos, String after, String before) {
    }

    public PhaseCoverage {
        gaps = List.copyOf(gaps);
    }

    /** The coverage of {@code test}'s duration by its phases (phases past the test's end are cut at the end). */
    public static PhaseCoverage of(TestRecord test) {
        List<PhaseRecord> phases = new ArrayList<>(test.phases());
        phases.sort(Comparator.comparingLong(PhaseRecord::startNanos));
        List<Gap> gaps = new ArrayList<>();
        long covered = 0;      // everything before this offset lies in some phase
        String last = "(start of test)";
        long end = test.durationNanos();
        for (PhaseRecord phase : phases) {
            long start = Math.min(phase.startNanos(), end);
            if (start > covered) {
                gaps.add(new Gap(covered, start - covered, last, phase.name()));
            }
            long phaseEnd = Math.min(end, phase.startNanos() + phase.durationNanos());
            if (phaseEnd >= covered) {
                covered = phaseEnd;
                last = phase.name();
            }
        }
        if (end > covered) {
            gaps.add(new Gap(covered, end - covered, last, "(end of test)"));
        }
        return new PhaseCoverage(test.displayName(), end, gaps);
    }

    /** The time no phase names. */
    public long unnamedNanos() {
        return gaps.stream().mapToLong(Gap::durationNanos).sum();
    }

    /** Whether the unnamed time is at most {@code nanos} plus {@code fraction} of the test's duration. */
    public boolean within(long nanos, double fraction) {
        return unnamedNanos() <= nanos + fraction * durationNanos;
    }

    /** One line: the test, its unnamed time and its largest gaps with their neighbours. */
    public String describe() {
        String largest = gaps.stream().sorted(Comparator.comparingLong(Gap::durationNanos).reversed()).limit(5)
                .map(g -> String.format(Locale.ROOT, "%.2f ms between '%s' and '%s'", g.durationNanos() / 1e6,
                        g.after(), g.before()))
                .collect(Collectors.joining("; "));
        return String.format(Locale.ROOT, "%s: %.2f ms of %.2f ms unnamed%s", test, unnamedNanos() / 1e6,
                durationNanos / 1e6, gaps.isEmpty() ? "" : " (" + largest + ")");
    }
}
