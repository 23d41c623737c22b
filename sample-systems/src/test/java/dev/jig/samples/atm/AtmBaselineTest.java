package dev.jig.samples.atm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.bench.Bench;
import dev.jig.client.FramedClient;
import dev.jig.fake.Reply;
import dev.jig.junit.BenchConfig;
import dev.jig.junit.Connect;
import dev.jig.junit.FakeServer;
import dev.jig.junit.JigTest;
import dev.jig.junit.SystemUnderTest;
import dev.jig.system.Ready;
import dev.jig.samples.bank.BalanceQuery;
import dev.jig.samples.bank.BankMessages;
import dev.jig.samples.bench.CodecWork;
import dev.jig.wire.Framing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The CI regression check, end to end: a run saves a baseline, an identical run compares with it and passes,
 * and a run with an injected slowdown (a slower codec, a slower bank) fails naming the benchmark.
 *
 * <p>The thresholds are wide on purpose: CI machines are shared, and a check that fails an identical run now and
 * then is worse than none. The injected slowdowns (10 times the codec work, a 25 ms bank) are far beyond them.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AtmBaselineTest {

    @TempDir
    Path dir;

    @AfterEach
    void noSlowdown() {
        Benchmarks.codecRepeats = 1;
        Benchmarks.bankDelayMillis = 0;
    }

    @Test
    void anIdenticalRunPassesAndASlowerOneFailsAgainstTheSavedBaseline() throws Exception {
        // In CI the baseline comes from a fresh JVM like the run it checks; here all runs share one JVM, so
        // unsaved runs first make the JIT state of the saved run match the runs compared with it: in a JVM's
        // first seconds the calibration loop itself runs up to 3 times slower, then faster (once an identical run
        // came out "+233 %, machine -63 %" after a single unsaved run).
        for (int i = 0; i < 3; i++) {
            assertThat(statuses(run(Map.of()))).containsOnly("passed");
        }
        assertThat(statuses(run(Map.of("jig.bench.save", "ci")))).containsOnly("passed");

        JsonNode same = run(Map.of("jig.bench.compare", "ci"));
        assertThat(statuses(same)).as("comparisons: %s", comparisons(same)).containsOnly("passed");
        assertThat(same.toString()).contains("\"baselineId\":\"ci\"").contains("\"method\":\"calibrated\"");

        Benchmarks.codecRepeats = 10;
        Benchmarks.bankDelayMillis = 25;
        JsonNode slower = run(Map.of("jig.bench.compare", "ci"));
        assertThat(statuses(slower)).as("comparisons: %s", comparisons(slower)).containsOnly("failed");
        assertThat(failures(slower)).anySatisfy(m -> assertThat(m)
                .startsWith("benchmark 'decode balance' in Benchmarks#bankCodec is ")
                .contains("slower than baseline 'ci'").contains("threshold median:100%"));
        assertThat(failures(slower)).anySatisfy(m -> assertThat(m)
                .startsWith("benchmark 'withdraw' in Benchmarks#withdrawalRoundTrip is "));
    }

    private JsonNode run(Map<String, String> parameters) throws Exception {
        Path reportDir = dir.resolve("report");
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Benchmarks.class))
                    .configurationParameter("jig.report.dir", reportDir.toString())
                    .configurationParameter("jig.bench.baseline.dir", dir.resolve("baselines").toString())
                    .configurationParameters(parameters)
                    .build());
        }
        return new ObjectMapper().readTree(reportDir.resolve("results.json").toFile()).path("tests");
    }

    private static List<String> statuses(JsonNode tests) {
        List<String> statuses = new ArrayList<>();
        tests.forEach(t -> statuses.add(t.path("status").asText()));
        assertThat(statuses).hasSize(2);
        return statuses;
    }

    private static List<String> comparisons(JsonNode tests) {
        List<String> found = new ArrayList<>();
        tests.forEach(t -> t.path("benchmarks").forEach(b -> found.add(b.path("name").asText() + " median "
                + b.path("stats").path("median").asDouble() + ": " + b.path("baseline"))));
        return found;
    }

    private static List<String> failures(JsonNode tests) {
        List<String> messages = new ArrayList<>();
        tests.forEach(t -> messages.add(t.path("failure").path("message").asText()));
        return messages;
    }

    /** The benchmarked suite; run only by the test above (nested classes are not picked up on their own). */
    @JigTest
    @BenchConfig(warmup = "300ms", maxTime = "300ms", minRounds = 20)
    static class Benchmarks {

        static volatile int codecRepeats = 1;
        static volatile long bankDelayMillis;

        final FakeServer bank = FakeServer.tcp("bank")
                .framing(Framing.lengthPrefixed(2))
                .codec(AtmSuite.BANK_CODEC)
                .respond(BalanceQuery.class, q -> bankDelayMillis == 0 ? BankMessages.balance(100)
                        : Reply.after(Duration.ofMillis(bankDelayMillis), BankMessages.balance(100)));

        final SystemUnderTest atm = SystemUnderTest.java("atm", AtmMain.class)
                .args("--bank", bank, "--port", "0")
                .readyWhen(Ready.logLine("listening on port (\\d+)"))
                .protocol(AtmSuite.FRAMING, AtmSuite.ATM_CODEC);

        @Test
        @BenchConfig(threshold = "median:200%")
        void withdrawalRoundTrip(Bench bench, @Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
            bench.run("withdraw", () -> client.request(AtmMessages.withdraw("Jane Doe", 1)).join());
        }

        @Test
        @BenchConfig(group = "bank codec", threshold = "median:100%", timer = "cpu")
        void bankCodec(Bench bench) {
            bench.run("decode balance", () -> {
                // The extra decodes go into the blackhole too: unused, the JIT could drop much of their work.
                for (int i = 1; i < codecRepeats; i++) {
                    bench.blackhole().consume(CodecWork.decodeBalances());
                }
                return CodecWork.decodeBalances();
            });
        }
    }
}
