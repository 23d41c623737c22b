package dev.jig.samples;

import dev.jig.record.PhaseRecord;
import dev.jig.record.RunRecord;
import dev.jig.record.TestRecord;
import dev.jig.report.PhaseCoverage;
import dev.jig.report.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Run by sample-systems' {@code verify}, after the sample suites wrote their report: in the report's results.json,
 * the phases of every test Jig ran (those with a {@code set up} phase; plain JUnit tests have none) cover its
 * duration but for at most 1 ms + 1 %. Exits 1 naming the tests and their unnamed stretches otherwise; says so
 * and passes when no suite ran (no results.json).
 */
public final class ReportPhasesCheck {

    static final long NANOS = 1_000_000;
    static final double FRACTION = 0.01;

    private ReportPhasesCheck() {
    }

    public static void main(String[] args) {
        Path results = Path.of(args.length > 0 ? args[0] : "target/jig-report").resolve(ResultsFile.FILE_NAME);
        if (!Files.isRegularFile(results)) {
            // A build that selected no sample test (-Dtest=... of another module) wrote no report.
            System.out.println("[jig] no " + results + " to check the phases of: no sample suite ran");
            return;
        }
        RunRecord run = ResultsFile.read(results);
        List<TestRecord> checked = run.tests().stream()
                .filter(t -> t.phases().stream().map(PhaseRecord::name).anyMatch("set up"::equals)).toList();
        List<PhaseCoverage> coverages = checked.stream().map(PhaseCoverage::of).toList();
        List<String> unnamed = coverages.stream().filter(c -> !c.within(NANOS, FRACTION))
                .map(PhaseCoverage::describe).toList();
        if (!unnamed.isEmpty()) {
            System.err.println("[jig] " + unnamed.size() + " of " + checked.size() + " tests in " + results
                    + " have more than 1 ms + 1 % of time no phase names:\n  " + String.join("\n  ", unnamed));
            System.exit(1);
        }
        String most = coverages.stream()
                .max(Comparator.comparingLong(PhaseCoverage::unnamedNanos))
                .map(c -> "; the most unnamed: " + String.format(Locale.ROOT, "%.3f ms", c.unnamedNanos() / 1e6)
                        + " in " + c.test())
                .orElse("");
        System.out.println("[jig] phases cover every test's duration within 1 ms + 1 %: " + checked.size()
                + " tests in " + results + most);
    }
}
