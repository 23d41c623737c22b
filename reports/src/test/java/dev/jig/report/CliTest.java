package dev.jig.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.record.TestRecord;
import dev.jig.record.TraceHold;
import dev.jig.record.TraceRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void renderWritesIndexBesideTheResults() {
        Path results = ResultsFile.write(Fixtures.sample(), dir);

        assertEquals(0, run("render", results.toString()));
        assertTrue(Files.exists(dir.resolve("index.html")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("index.html"));
    }

    @Test
    void mergeKeepsEveryTestOnce() {
        Path a = ResultsFile.write(Fixtures.sample(), dir.resolve("a"));
        Path b = ResultsFile.write(Fixtures.run("run-2", Instant.parse("2026-11-23T09:00:00Z"),
                List.of(Fixtures.passing("other()", 1.0), Fixtures.failing())), dir.resolve("b"));

        assertEquals(0, run("merge", a.toString(), b.toString(), "-o", dir.resolve("all").toString()));
        assertEquals(5, ResultsFile.read(dir.resolve("all/results.json")).tests().size());
        assertTrue(Files.exists(dir.resolve("all/index.html")));
    }

    @Test
    void diffListsStatusChangesAndSlowerMethods() throws Exception {
        Path base = ResultsFile.write(Fixtures.run("base", Instant.parse("2026-11-23T07:00:00Z"),
                List.of(Fixtures.passing("janeCanWithdraw()", 1.0), Fixtures.passing("anonymousIsRefused()", 1.0))),
                dir.resolve("base"));
        Path head = ResultsFile.write(Fixtures.run("head", Instant.parse("2026-11-23T08:00:00Z"),
                List.of(Fixtures.passing("janeCanWithdraw()", 3.0), Fixtures.failing())), dir.resolve("head"));

        assertEquals(0, run("diff", base.toString(), head.toString(), "-o", dir.resolve("diff").toString()));

        var diff = RunDiff.compare(ResultsFile.read(base), ResultsFile.read(head));
        assertEquals("failed", diff.get("statusChanges").get(0).get("after").asText());
        assertTrue(diff.get("slower").toString().contains("atm.Bank.balanceLookup"), diff.toString());
        assertTrue(diff.has("flame"), "a differential flame graph");
        assertTrue(Files.readString(dir.resolve("diff/index.html")).contains("data-view=\"diff\""));
    }

    @Test
    void diffComparesHowLongEachParticipantHeldARequest() throws Exception {
        TestRecord before = Fixtures.failing();
        TraceRecord trace = before.trace();
        List<TraceHold> slowerAtm = trace.holds().stream().map(h -> h.what().startsWith("from ")
                ? new TraceHold(h.participant(), h.startNanos(), h.durationNanos() * 3, h.what(), h.request()) : h)
                .toList();
        TestRecord after = new TestRecord(before.id(), before.className(), before.methodName(), before.displayName(),
                before.status(), before.durationNanos(), before.failure(), before.phases(), before.processes(),
                before.fakes(), null, null, null, null,
                new TraceRecord(trace.participants(), trace.messages(), slowerAtm, trace.marks()));
        Path base = ResultsFile.write(Fixtures.run("base", Instant.parse("2026-11-23T07:00:00Z"), List.of(before)),
                dir.resolve("base"));
        Path head = ResultsFile.write(Fixtures.run("head", Instant.parse("2026-11-23T08:00:00Z"), List.of(after)),
                dir.resolve("head"));

        assertEquals(trace, ResultsFile.read(base).tests().get(0).trace(), "the trace survives results.json");
        var diff = RunDiff.compare(ResultsFile.read(base), ResultsFile.read(head));
        assertEquals("hop", diff.get("slower").get(0).get("kind").asText(), diff.toString());
        assertEquals("AtmTest › anonymousIsRefused() · atm: from withdraw 50 for nobody #1 to asking bank",
                diff.get("slower").get(0).get("name").asText());
        assertEquals(200.0, diff.get("slower").get(0).get("deltaPercent").asDouble(), 0.01);
        assertTrue(diff.get("faster").isEmpty(), "the other hops did not change");
    }

    @Test
    void missingFileIsAClearError() {
        assertEquals(1, run("render", dir.resolve("nope.json").toString()));
        assertTrue(errors().contains("nope.json does not exist"), errors());
    }

    @Test
    void wrongSchemaIsAClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("results.json"),
                "{\"schema\":\"other/9\",\"tests\":[],\"classes\":[]}");

        assertEquals(1, run("render", file.toString()));
        assertTrue(errors().contains("expected 'jig-results/1'"), errors());
    }

    @Test
    void badUsagePrintsUsage() {
        assertEquals(2, run("merge", "a.json"));
        assertTrue(errors().contains("merge needs -o <dir>"), errors());
        assertTrue(errors().contains("usage:"), errors());
        assertEquals(2, run("explode"));
        assertTrue(errors().contains("unknown command 'explode'"), errors());
    }
}
