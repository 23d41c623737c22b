package dev.jig.samples.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.samples.SamplePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * What a 20-test suite costs per test ({@link TwentyWithdrawalsSuite}: a fake bank, a Java ATM and one withdrawal
 * each): with stops waited for, and with systems stopping in the background (independent resources stop in
 * parallel in both); beside it the goal (1.2 × the sum of each test's ATM start-to-ready and first request) and the
 * seed's style (a Python suite that starts the Python ATM and sleeps 0.5 s per test). Run alternately in one JVM:
 * {@code ./mvnw -B -q verify -Psuite-figures}.
 */
public final class SuiteFigures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SuiteFigures() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("jig.suite.rounds", 2);
        Path dir = Files.createTempDirectory("jig-suite-figures");
        run(dir.resolve("warmup"), false); // class loading, the JIT, the page cache
        for (int round = 1; round <= rounds; round++) {
            for (boolean background : new boolean[] {false, true}) {
                Path reportDir = dir.resolve("r" + round + (background ? "-background" : "-waited"));
                long nanos = run(reportDir, background);
                JsonNode results = JSON.readTree(reportDir.resolve("results.json").toFile());
                long essential = 0;
                for (JsonNode test : results.path("tests")) {
                    for (JsonNode phase : test.path("phases")) {
                        String name = phase.path("name").asText();
                        if (name.equals("start atm") || name.equals("ready atm") || name.equals("test body")) {
                            essential += phase.path("durationNanos").asLong();
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "round %d, %-34s %6.2f s   goal 1.2 × Σ(ATM start-to-ready + first "
                                + "request) = %5.2f s   ratio %.2f%n", round,
                        background ? "systems stop in the background:" : "stops waited for (parallel):",
                        nanos / 1e9, 1.2 * essential / 1e9, nanos / (1.2 * essential));
            }
            System.out.printf(Locale.ROOT, "round %d, %-34s %6.2f s%n", round, "seed style (Python, sleep 0.5 s):",
                    seedStyle() / 1e9);
        }
    }

    private static long run(Path reportDir, boolean background) {
        long start = System.nanoTime();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(TwentyWithdrawalsSuite.class))
                    .configurationParameter("jig.report.dir", reportDir.toString())
                    .configurationParameter("jig.stop.background", Boolean.toString(background))
                    .configurationParameter("jig.log.level", "warn")
                    .build(), summary);
        }
        long nanos = System.nanoTime() - start;
        if (summary.getSummary().getTestsSucceededCount() != 20) {
            throw new IllegalStateException("the suite did not pass: " + summary.getSummary().getFailures());
        }
        return nanos;
    }

    // The seed's suite: start the ATM, sleep half a second for it to come up, talk to it, stop it; twenty times.
    private static long seedStyle() throws IOException, InterruptedException {
        String script = String.join("\n",
                "import socket, subprocess, sys, time",
                "python, atm, descriptors = sys.argv[1:4]",
                "for _ in range(20):",
                "    p = subprocess.Popen([python, atm, '--bank', '127.0.0.1:9', '--port', '0', '--descriptors',"
                        + " descriptors], stdout=subprocess.PIPE, text=True)",
                "    time.sleep(0.5)",
                "    port = int(p.stdout.readline().split()[-1]) if False else None",
                "    p.terminate(); p.wait(10)");
        long start = System.nanoTime();
        Process python = new ProcessBuilder(List.of(SamplePaths.python3(), "-c", script, SamplePaths.python3(),
                SamplePaths.python("atm.py"), SamplePaths.descriptors())).inheritIO().start();
        if (!python.waitFor(120, TimeUnit.SECONDS) || python.exitValue() != 0) {
            python.destroyForcibly();
            throw new IllegalStateException("the seed-style Python suite failed or hung");
        }
        return System.nanoTime() - start;
    }
}
