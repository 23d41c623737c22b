package dev.jig.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.record.FakeRecord;
import dev.jig.record.ProcessRecord;
import dev.jig.record.RunRecord;
import dev.jig.record.RunRecorder;
import dev.jig.record.TestRecorder;
import dev.jig.record.TestStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    @TempDir
    Path dir;

    private static RunRecord sampleRun() {
        RunRecorder run = new RunRecorder();
        TestRecorder test = run.startTest("[engine:junit-jupiter]/[class:a.AtmTest]/[method:jane()]",
                "a.AtmTest", "jane", "jane()");
        try (var span = test.timeline().span("start bank")) {
            // nothing to start: the span still records
        }
        test.add(new ProcessRecord("atm", List.of("java", "--password", "***"), 42, 0,
                List.of("12:00:00.001 out listening on port 1"), false, ProcessRecord.PROCESS, null, "cookie"));
        test.add(new FakeRecord("bank", "tcp", "127.0.0.1:1", 1, List.of(), List.of()));
        run.finishTest(test.id(), TestStatus.FAILED, new AssertionError("boom"));
        return run.toRecord();
    }

    @Test
    void writtenRunReadsBackEqual() {
        RunRecord run = sampleRun();

        Path file = ResultsFile.write(run, dir.resolve("nested/report"));

        assertEquals(dir.resolve("nested/report/results.json"), file);
        RunRecord again = ResultsFile.read(file);
        assertEquals(run.tests(), again.tests());
        assertEquals(run.run().id(), again.run().id());
    }

    @Test
    void writesTheSchemaNamesAndUnits() throws IOException {
        String json = Files.readString(ResultsFile.write(sampleRun(), dir), StandardCharsets.UTF_8);

        assertTrue(json.contains("\"schema\" : \"jig-results/1\""), json);
        assertTrue(json.contains("\"status\" : \"failed\""), json);
        assertTrue(json.contains("\"durationNanos\""), json);
        assertTrue(json.contains("\"startedAt\" : \"20"), "an ISO instant, not a number: " + json);
        assertTrue(json.contains("\"name\" : \"start bank\""), json);
        assertTrue(json.contains("\"stoppedBy\" : \"cookie\""), json);
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        ResultsFile.write(sampleRun(), dir);
        ResultsFile.write(sampleRun(), dir);

        try (var files = Files.list(dir)) {
            assertEquals(List.of("results.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void readingAnotherSchemaSaysWhich() throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "{\"schema\":\"jig-results/99\",\"tests\":[],\"classes\":[]}");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsFile.read(file));
        assertEquals(file + " has schema 'jig-results/99', expected 'jig-results/1'. It was written by another "
                + "version of Jig.", e.getMessage());
    }

    @Test
    void readingGarbageNamesTheFile() throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "<html>");

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ResultsFile.read(file));
        assertTrue(e.getMessage().startsWith("Could not read " + file + " as jig-results/1: "), e.getMessage());
    }
}
