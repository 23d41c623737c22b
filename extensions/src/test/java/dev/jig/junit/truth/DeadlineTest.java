package dev.jig.junit.truth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.junit.TestDeadlineException;
import dev.jig.junit.fixtures.truth.HangOnSilentFakeTestCase;
import dev.jig.junit.fixtures.truth.HangThroughSystemTestCase;
import dev.jig.junit.fixtures.truth.HangWithoutTimeoutTestCase;
import dev.jig.junit.fixtures.truth.UnblockableHangTestCase;
import dev.jig.system.SystemSpec;
import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A hang never hangs the build, and says where it is. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeadlineTest {

    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    @TempDir
    Path reportDir;

    @Test
    void aBlockingReadFromASilentFakeEndsAtTheDeadlineNamingThePendingRequest() {
        SessionRun run = SessionRun.of(reportDir, Map.of(), HangOnSilentFakeTestCase.class);

        JsonNode test = run.test("readsFromASilentFake");
        assertThat(test.path("status").asText()).isEqualTo("failed");
        assertThat(test.path("durationNanos").asLong()).isLessThan(TimeUnit.SECONDS.toNanos(2) + GRACE_NANOS);
        JsonNode failure = test.path("failure");
        assertThat(failure.path("type").asText()).isEqualTo(TestDeadlineException.class.getName());
        String message = failure.path("message").asText();
        assertThat(message.lines().findFirst().orElseThrow())
                .startsWith("readsFromASilentFake() did not finish within its deadline of 2 s (@Timeout): blocked in ")
                .contains("called from " + HangOnSilentFakeTestCase.class.getName() + ".readsFromASilentFake(");
        assertThat(message.lines().skip(1).findFirst().orElseThrow()).isEqualTo("Pending when the deadline passed:");
        assertThat(message).containsPattern("\n  upstream received request #1 \\{\"text\":\"hello\"} at "
                + "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} and never answered \\(Reply.none\\(\\)\\)");
        JsonNode dumps = test.path("diagnostics").path("threadDumps");
        assertThat(dumps.get(0).path("of").asText()).isEqualTo("test JVM");
        assertThat(dumps.get(0).path("text").asText()).contains("readsFromASilentFake");
        assertThat(test.path("diagnostics").path("pending").get(0).path("kind").asText())
                .isEqualTo("unanswered-request");
        assertThat(run.html()).contains("readsFromASilentFake() did not finish within its deadline");
        assertThat(run.xml()).contains("did not finish within its deadline of 2 s");
    }

    @Test
    void aJUnitTimeoutKeyIsTheDeadlineAndClientsAreUnblockedToo() {
        SessionRun run = SessionRun.of(reportDir,
                Map.of("junit.jupiter.execution.timeout.test.method.default", "1 s"),
                HangWithoutTimeoutTestCase.class);

        JsonNode test = run.test("waitsForAReplyThatNeverComes");
        assertThat(test.path("status").asText()).isEqualTo("failed");
        String message = test.path("failure").path("message").asText();
        assertThat(message).startsWith("waitsForAReplyThatNeverComes(FramedClient) did not finish "
                + "within its deadline of 1 s (junit.jupiter.execution.timeout.test.method.default)");
        assertThat(message)
                .contains("upstream received request #1 {\"text\":\"hello\"}")
                .containsPattern("client upstream: request #1 \\{\"text\":\"hello\"} sent at [\\d:.]+, no reply yet");
    }

    @Test
    void theDeadlineDumpsEachJvmSystemAndListsOpenProxyLinks() {
        SessionRun run = SessionRun.of(reportDir, Map.of("jig.test.timeout", "2 s"),
                HangThroughSystemTestCase.class);

        JsonNode test = run.test("waitsThroughTheSystem");
        assertThat(test.path("status").asText()).isEqualTo("failed");
        JsonNode dumps = test.path("diagnostics").path("threadDumps");
        assertThat(dumps).hasSize(2);
        assertThat(dumps.get(1).path("of").asText()).isEqualTo("relay");
        assertThat(dumps.get(1).path("text").asText()).contains("\"relay-connection\"");
        // Stopped politely after the deadline (SIGTERM: 143), not killed: Jig's interrupt does not reach teardown.
        assertThat(test.path("processes").get(0).path("exitCode").asInt()).isEqualTo(143);
        assertThat(test.path("failure").path("message").asText())
                .contains("upstream received request #1 {\"text\":\"hello\"}")
                .contains("link (proxy to 127.0.0.1:")
                .containsPattern("client relay: request #1 \\{\"text\":\"hello\"} sent at [\\d:.]+, no reply yet");
    }

    @Test
    void jigsOwnKeyIsTheDeadlineWhenJUnitGivesNone() {
        SessionRun run = SessionRun.of(reportDir, Map.of("jig.test.timeout", "500 ms"),
                HangWithoutTimeoutTestCase.class);

        assertThat(run.test("waitsForAReplyThatNeverComes").path("failure").path("message").asText())
                .contains("did not finish within its deadline of 500 ms (jig.test.timeout)");
    }

    @Test
    void aHangJigCannotEndIsInTheReportAsHungBeforeItReturns() throws Exception {
        UnblockableHangTestCase.release = new CountDownLatch(1);
        CompletableFuture<SessionRun> running = CompletableFuture.supplyAsync(() -> SessionRun.of(reportDir,
                Map.of("jig.test.timeout", "1 s", "jig.test.timeout.grace", "1 s", "jig.test.hung.exit", "false"),
                UnblockableHangTestCase.class));
        JsonNode hung = awaitStatus(reportDir.resolve("results.json"), "hung", Duration.ofSeconds(30));
        // index.html is written after results.json; both while the test still hangs.
        boolean pageShowsHung = awaitText(reportDir.resolve("index.html"), "\"status\":\"hung\"",
                Duration.ofSeconds(30));
        UnblockableHangTestCase.release.countDown();

        assertThat(hung.path("failure").path("message").asText())
                .startsWith("ignoresInterrupts() did not finish within its deadline of 1 s (jig.test.timeout)")
                .contains("The test did not return within 1 s (jig.test.timeout.grace) after Jig unblocked it");
        assertThat(hung.path("diagnostics").path("threadDumps").get(0).path("text").asText())
                .contains("ignoresInterrupts");
        assertThat(pageShowsHung).as("index.html shows the test as hung while it hangs").isTrue();
        SessionRun finished = running.get(30, TimeUnit.SECONDS);
        assertThat(finished.test("ignoresInterrupts").path("status").asText()).isEqualTo("failed");
    }

    @Test
    void withHungExitTheJvmEndsOnceTheReportIsWritten() throws Exception {
        SystemSpec fork = SystemSpec.java("fork", HangRunMain.class)
                .args(UnblockableHangTestCase.class.getName(), reportDir.toString(), "jig.test.timeout=1 s",
                        "jig.test.timeout.grace=1 s", "jig.test.hung.exit=true")
                .readyWhen(Ready.when("started", p -> true));
        try (RunningSystem jvm = fork.start()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            while (jvm.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(jvm.exitCode()).hasValue(3);
            assertThat(jvm.output().tailText(50)).contains("ending the JVM (exit code 3) because ignoresInterrupts()")
                    .doesNotContain("the run ended by itself");
        }
        JsonNode results = new ObjectMapper().readTree(reportDir.resolve("results.json").toFile());
        assertThat(results.path("tests").get(0).path("status").asText()).isEqualTo("hung");
    }

    private static boolean awaitText(Path file, String text, Duration timeout) throws Exception {
        return awaitRead(file, timeout, () -> Files.readString(file).contains(text) ? Boolean.TRUE : null) != null;
    }

    private static JsonNode awaitStatus(Path results, String status, Duration timeout) throws Exception {
        JsonNode found = awaitRead(results, timeout, () -> {
            for (JsonNode test : new ObjectMapper().readTree(results.toFile()).path("tests")) {
                if (test.path("status").asText().equals(status)) {
                    return test;
                }
            }
            return null;
        });
        if (found == null) {
            throw new AssertionError("no test with status " + status + " in " + results + " within " + timeout);
        }
        return found;
    }

    /** Reads {@code file} (which Jig replaces as it writes) until {@code read} gives non-null, or null at timeout. */
    private static <T> T awaitRead(Path file, Duration timeout, FileRead<T> read) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (Files.exists(file)) {
                try {
                    T value = read.get();
                    if (value != null) {
                        return value;
                    }
                } catch (java.io.IOException e) {
                    // being replaced; read again
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    private interface FileRead<T> {
        T get() throws java.io.IOException;
    }
}
