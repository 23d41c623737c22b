package dev.jig.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.record.ExactProfile;
import dev.jig.record.ProfileRecord;
import dev.jig.record.RunRecord;
import dev.jig.record.TestRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The size budget: 1,000 tests and a 100,000-node call tree render into at most 10 MB. The render time is
 * printed, not asserted (a shared machine is too noisy for time asserts). Reproduce the figures with
 * {@code ./mvnw -B -q -pl reports -am verify -Dtest=ReportSizeTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReportSizeTest {

    @Test
    void thousandTestsAndAHundredThousandNodeTreeFitInTenMegabytes() {
        RunRecord run = bigRun();
        long[] nanos = new long[5];
        String html = "";
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            html = HtmlReport.render(run);
            nanos[i] = System.nanoTime() - start;
        }
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        long cold = nanos[0];
        Arrays.sort(nanos, 1, nanos.length);
        System.out.printf(Locale.ROOT, "[jig-bench] report of %d tests + a %d-node tree: %.2f MB;"
                        + " render %.0f ms cold (first in this JVM), %.0f ms median of 4 warm%n",
                run.tests().size(), 100_000, bytes / 1e6, cold / 1e6, nanos[2] / 1e6);
        assertTrue(bytes <= 10_000_000, "at most 10 MB, was " + bytes);
    }

    static RunRecord bigRun() {
        List<TestRecord> tests = new ArrayList<>();
        ExactProfile big = new ExactProfile(Fixtures.exact(1.0).flat(), Fixtures.bigTree(100_000, 42), 20, true);
        for (int i = 0; i < 1000; i++) {
            TestRecord t = i % 10 == 0 ? Fixtures.failing() : Fixtures.passing("t" + i + "()", 1.0);
            ProfileRecord profile = i == 0 ? new ProfileRecord(big, null) : t.profile();
            tests.add(new TestRecord(Fixtures.id("t" + i + "()"), "dev.jig.samples.Suite" + (i % 40),
                    "t" + i, "t" + i + "()", t.status(), t.durationNanos() + i, t.failure(), t.phases(),
                    t.processes(), t.fakes(), profile, t.systemProfiles(), t.benchmarks()));
        }
        return Fixtures.run("big", Instant.parse("2026-11-23T07:00:00Z"), tests);
    }
}
