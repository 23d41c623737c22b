package dev.jig.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.record.OutputLine;
import dev.jig.record.PhaseRecord;
import dev.jig.record.ProcessRecord;
import dev.jig.record.Timeline;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every backend of a system under test must do, run against each ({@code ProcessSystemContractTest},
 * {@code ContainerSystemContractTest}): the same busybox shell scripts, the same readiness, output, stop, signals,
 * restart, pause and record. Scripts get their first argument as {@code $0}.
 */
@Timeout(120)
public abstract class SystemContract {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    protected Path registryDir;

    /** A system that runs {@code busybox sh -c script}, registered in {@link #registryDir}, with a 1 s stop grace. */
    protected abstract SystemSpec shell(String name, String script);

    /** A connection to the system where the test reaches it: its {@code address()}. */
    protected static Socket connect(RunningSystem system) throws java.io.IOException {
        String address = system.address();
        int colon = address.lastIndexOf(':');
        return new Socket(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    /** {@code "process"} or {@code "container"}. */
    protected abstract String kind();

    /** Fails unless nothing of the system {@code name} is left, given the pids its instances had. */
    protected abstract void assertNothingLeft(String name, java.util.List<Long> pids);

    private SystemSpec looping(String name, String trap) {
        return shell(name, trap + "; echo ready; while true; do sleep 0.1; done").readyWhen(Ready.logLine("ready"));
    }

    @Test
    protected void logLineReadinessCapturesGroupsAndTheNamedPort() {
        try (RunningSystem atm = shell("atm", "echo starting; echo 'atm-7 listening on port 4711'; exec sleep 300")
                .readyWhen(Ready.logLine("(?<who>\\S+) listening on port (?<port>\\d+)")).start()) {
            assertThat(atm.port()).hasValue(4711);
            assertThat(atm.address()).isEqualTo("127.0.0.1:4711");
            assertThat(atm.captured("who")).hasValue("atm-7");
            assertThat(atm.captured()).containsExactly("atm-7", "4711");
            assertThat(atm.kind()).isEqualTo(kind());
        }
    }

    @Test
    void portReadinessUsesTheFreePortAndTheTestReachesIt() throws Exception {
        Timeline timeline = Timeline.startingNow();
        try (RunningSystem web = shell("web", "exec httpd -f -p \"$0\"").args(SystemSpec.FREE_PORT)
                .readyWhen(Ready.port()).start(timeline)) {
            try (Socket socket = connect(web)) {
                assertThat(socket.isConnected()).isTrue();
            }
            assertThat(web.command()).last().isEqualTo(Integer.toString(web.port().getAsInt()));
        }
        assertThat(timeline.phases()).extracting(PhaseRecord::name).containsSubsequence("start web", "ready web");
    }

    @Test
    void portReadinessWaitsUntilTheSystemItselfListens() throws Exception {
        // A second of silence first: on a bridge, Docker's port proxy accepts long before the server does.
        try (RunningSystem web = shell("web", "d=/tmp/jig-www-$$; mkdir -p $d; echo ok > $d/index.html; sleep 1; "
                + "exec httpd -f -p \"$0\" -h $d").args(SystemSpec.FREE_PORT).readyWhen(Ready.port()).start();
             Socket socket = connect(web)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /index.html HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.").contains("200").endsWith("ok\n");
        }
    }

    @Test
    void httpReadinessWaitsForA2xxOnItsPort() {
        String script = "d=/tmp/jig-www-$$; mkdir -p $d; echo ok > $d/index.html; exec httpd -f -p \"$0\" -h $d";
        try (RunningSystem web = shell("web", script).args(SystemSpec.FREE_PORT)
                .readyWhen(Ready.http("/index.html")).start()) {
            assertThat(web.isAlive()).isTrue();
        }
    }

    @Test
    void aPredicateOnTheRunningSystemWorksOnEveryBackend() {
        try (RunningSystem atm = shell("atm", "echo one; echo two; exec sleep 300")
                .readyWhen(Ready.when("two lines", system -> system.output().lines().size() >= 2)).start()) {
            assertThat(atm.output().lines()).extracting(OutputLine::text).containsExactly("one", "two");
        }
    }

    @Test
    void exitDuringReadinessFailsAtOnceWithTheCodeTheConditionAndTheLastLines() {
        SystemSpec spec = shell("atm", "echo cannot reach the bank >&2; exit 3")
                .readyWhen(Ready.logLine("listening").within(Duration.ofSeconds(60)));

        assertThatThrownBy(spec::start)
                .isInstanceOfSatisfying(SystemExitedException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.systemName()).isEqualTo("atm");
                    assertThat(e.record()).get().satisfies(r -> {
                        assertThat(r.kind()).isEqualTo(kind());
                        assertThat(r.exitCode()).isEqualTo(3);
                    });
                })
                .hasMessageStartingWith("atm exited with code 3 while Jig waited for a log line matching 'listening'.")
                .hasMessageContaining(" err cannot reach the bank");
        assertThat(registryDir).isEmptyDirectory();
    }

    @Test
    void notReadyInTimeFailsNamingTheSystemAndStopsIt() {
        SystemSpec spec = shell("slow", "echo thinking; exec sleep 300")
                .readyWhen(Ready.logLine("listening")).readyTimeout(Duration.ofMillis(800));

        assertThatThrownBy(spec::start)
                .isInstanceOfSatisfying(ReadinessTimeoutException.class, e ->
                        assertThat(e.record()).get().satisfies(r -> assertThat(r.exitCode()).isNotNull()))
                .hasMessageStartingWith("slow was not ready within 800 ms: waited for a log line matching 'listening'. "
                        + "It was still running (")
                .hasMessageContaining("), so Jig stopped it.")
                .hasMessageContaining(" out thinking");
        assertThat(registryDir).isEmptyDirectory();
    }

    @Test
    void outputKeepsBothStreamsLineByLine() {
        try (RunningSystem atm = shell("atm", "echo first; echo oops >&2; echo second; exec sleep 300")
                .readyWhen(Ready.logLine("second")).start()) {
            OutputLine oops = atm.output().awaitLine("oops", WAIT);
            assertThat(oops.stream()).isEqualTo(OutputLine.Stream.ERR);
            assertThat(atm.output().lines()).filteredOn(line -> line.stream() == OutputLine.Stream.OUT)
                    .extracting(OutputLine::text).containsExactly("first", "second");
        }
    }

    @Test
    void stopIsPoliteFirstIdempotentAndRecorded() {
        RunningSystem atm = looping("atm", "trap 'echo bye; exit 0' TERM").start();
        assertThat(registryDir).isNotEmptyDirectory();

        assertThat(atm.stop()).isZero();
        assertThat(atm.stop()).isZero();
        assertThat(atm.isAlive()).isFalse();
        assertThat(atm.exitedOnItsOwn()).isFalse();
        assertThat(atm.output().lines()).extracting(OutputLine::text).contains("bye");
        ProcessRecord record = atm.toRecord();
        assertThat(record.kind()).isEqualTo(kind());
        assertThat(record.exitCode()).isZero();
        assertThat(record.ended()).isEqualTo(ProcessRecord.STOPPED);
        assertThat(record.command()).contains("trap 'echo bye; exit 0' TERM; echo ready; while true; do sleep 0.1; done");
        assertThat(record.output()).anySatisfy(line -> assertThat(line).endsWith(" out ready"));
        assertThat(registryDir).isEmptyDirectory();
    }

    @Test
    void aSystemThatIgnoresTheStopSignalIsKilledAfterTheGrace() {
        RunningSystem stubborn = looping("stubborn", "trap '' TERM").start();

        assertThat(stubborn.stop()).isEqualTo(137);
        assertThat(stubborn.exitCode()).hasValue(137);
    }

    @Test
    void signalsReachTheSystemAsPhasesOfTheTimeline() {
        Timeline timeline = Timeline.startingNow();
        try (RunningSystem atm = looping("atm", "trap 'echo got HUP' HUP; trap 'echo got USR1' USR1").start()) {
            atm.signal(Signal.HUP, timeline);
            atm.output().awaitLine("got HUP", WAIT);
            atm.signal(Signal.USR1, timeline);
            atm.output().awaitLine("got USR1", WAIT);
            assertThat(atm.isAlive()).isTrue();
        }
        assertThat(timeline.phases()).extracting(PhaseRecord::name).containsExactly("signal HUP atm", "signal USR1 atm");
    }

    @Test
    void aSignalThatEndsTheSystemIsSeenByAwaitExit() {
        try (RunningSystem atm = looping("atm", "trap 'echo leaving; exit 4' INT").start()) {
            atm.signal(Signal.INT);

            assertThat(atm.awaitExit(WAIT)).isTrue();
            assertThat(atm.exitCode()).hasValue(4);
            assertThat(atm.exitedOnItsOwn()).isTrue();
            assertThat(atm.toRecord().ended()).isEqualTo(ProcessRecord.EXITED);
        }
    }

    @Test
    void killIsACrashTheRecordSays() {
        Timeline timeline = Timeline.startingNow();
        try (RunningSystem atm = looping("atm", "trap 'echo polite; exit 0' TERM").start()) {
            atm.kill(timeline);

            assertThat(atm.isAlive()).isFalse();
            assertThat(atm.exitCode()).hasValue(137);
            assertThat(atm.exitedOnItsOwn()).isFalse();
            assertThat(atm.output().lines()).extracting(OutputLine::text).doesNotContain("polite");
            assertThat(atm.toRecord().ended()).isEqualTo(ProcessRecord.KILLED);
        }
        assertThat(timeline.phases()).extracting(PhaseRecord::name).containsExactly("kill atm");
    }

    @Test
    void restartStartsAgainWithTheSameOptionsAndKeepsTheAddress() throws Exception {
        Timeline timeline = Timeline.startingNow();
        try (RunningSystem web = shell("web", "echo run; exec httpd -f -p \"$0\"").args(SystemSpec.FREE_PORT)
                .readyWhen(Ready.port()).start()) {
            String address = web.address();
            long firstPid = web.pid();

            web.restart(timeline);

            assertThat(web.address()).isEqualTo(address);
            assertThat(web.isAlive()).isTrue();
            assertThat(web.restarts()).isEqualTo(1);
            try (Socket socket = connect(web)) {
                assertThat(socket.isConnected()).isTrue();
            }
            // Readiness here is the port, so the second run's line may still be on its way from the pipe.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (web.output().lines().size() < 2 && System.nanoTime() - deadline < 0) {
                Thread.sleep(10);
            }
            assertThat(web.output().lines()).extracting(OutputLine::text).containsExactly("run", "run");
            assertThat(web.toRecord().restarts()).isEqualTo(1);
            if (firstPid > 0) {
                assertThat(web.pid()).isNotEqualTo(firstPid);
            }
        }
        assertThat(timeline.phases()).extracting(PhaseRecord::name)
                .containsSubsequence("restart web", "start web", "ready web");
        assertThat(registryDir).isEmptyDirectory();
    }

    @Test
    void aKilledSystemCanBeRestartedAndNothingOfEitherRunIsLeft() {
        java.util.List<Long> pids = new java.util.ArrayList<>();
        try (RunningSystem atm = looping("atm", "true").start()) {
            pids.add(atm.pid());
            atm.kill();
            atm.restart();
            pids.add(atm.pid());

            assertThat(atm.isAlive()).isTrue();
            assertThat(atm.output().lines()).extracting(OutputLine::text).containsExactly("ready", "ready");
            assertThat(atm.toRecord().ended()).isNull();
        }
        assertNothingLeft("atm", pids);
        assertThat(registryDir).isEmptyDirectory();
    }

    @Test
    void pauseFreezesTheSystemAndResumeThawsIt() throws Exception {
        try (RunningSystem ticker = shell("ticker", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.05; done")
                .readyWhen(Ready.logLine("tick 3")).start()) {
            ticker.pause();
            assertThat(ticker.isPaused()).isTrue();
            Thread.sleep(300); // a line already on its way may still arrive
            int frozen = ticker.output().lines().size();
            Thread.sleep(500);
            assertThat(ticker.output().lines()).hasSize(frozen);
            assertThat(ticker.isAlive()).isTrue();

            ticker.resume();

            ticker.output().awaitLine("tick " + (frozen + 2), WAIT);
            assertThat(ticker.isPaused()).isFalse();
        }
    }

    @Test
    void aPausedSystemStillStops() {
        RunningSystem atm = looping("atm", "trap 'exit 0' TERM").start();
        atm.pause();

        assertThat(atm.stop()).isZero();
        assertThat(atm.isAlive()).isFalse();
    }
}
