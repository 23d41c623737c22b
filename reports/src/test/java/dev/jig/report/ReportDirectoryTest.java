package dev.jig.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.record.RunRecord;
import dev.jig.record.TestRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ReportDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void concurrentSessionsEachLandExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                RunRecord run = Fixtures.run("fork-" + i, Instant.parse("2026-11-23T07:00:00Z").plusSeconds(i),
                        List.of(Fixtures.passing("test" + i + "()", 1.0)));
                done.add(pool.submit(() -> ReportDirectory.publish(run, dir)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        RunRecord merged = ResultsFile.read(dir.resolve("results.json"));
        assertEquals(8, merged.tests().size());
        assertEquals(8, merged.tests().stream().map(TestRecord::id).distinct().count());
        assertTrue(Files.readString(dir.resolve("index.html")).contains("test7()"));
    }

    @Test
    void twoJvmsPublishingAtOnceLoseNothing() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> jvms = new ArrayList<>();
        for (String prefix : List.of("left", "right")) {
            jvms.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    PublishMain.class.getName(), dir.toString(), prefix, "4").inheritIO().start());
        }
        for (Process jvm : jvms) {
            assertTrue(jvm.waitFor(50, TimeUnit.SECONDS), "a publishing JVM did not finish within 50 s");
            assertEquals(0, jvm.exitValue());
        }

        RunRecord merged = ResultsFile.read(dir.resolve("results.json"));
        assertEquals(8, merged.tests().size(), "every test of both JVMs, once");
    }

    @Test
    void aTestReRunInsideOneSessionAppearsOnce() {
        RunRecord run = Fixtures.run("one", Instant.parse("2026-11-23T07:00:00Z"),
                List.of(Fixtures.failing(), Fixtures.passing("anonymousIsRefused()", 1.0)));

        RunRecord merged = ResultsMerge.merge(List.of(run));

        assertEquals(1, merged.tests().size());
        assertEquals("passed", merged.tests().get(0).status().label(), "the re-run that passed");
        assertEquals("one", merged.run().id());
    }

    @Test
    void laterRunReplacesTheSameTest() {
        RunRecord first = Fixtures.run("a", Instant.parse("2026-11-23T07:00:00Z"), List.of(Fixtures.failing()));
        RunRecord again = Fixtures.run("b", Instant.parse("2026-11-23T08:00:00Z"),
                List.of(Fixtures.passing("anonymousIsRefused()", 1.0)));

        ReportDirectory.publish(again, dir);
        ReportDirectory.Published report = ReportDirectory.publish(first, dir);

        assertEquals(1, report.merged().tests().size(), "one entry per test id");
        assertEquals("passed", report.merged().tests().get(0).status().label(), "the run that started later wins");
    }
}
