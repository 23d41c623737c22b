package dev.jig.junit.internal;

import dev.jig.junit.TestDeadlineException;
import dev.jig.record.DiagnosticsRecord;
import dev.jig.record.FailureRecord;
import dev.jig.record.RunRecord;
import dev.jig.record.RunRecorder;
import dev.jig.record.TestRecorder;
import dev.jig.support.Durations;
import dev.jig.support.ThreadDumps;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The launcher session's side of the deadlines: writes the report as soon as a test is hung (so that a CI job killed
 * for time still leaves it), ends the JVM afterwards when {@value Settings#HUNG_EXIT} says so, and watches the
 * session's own deadline ({@value Settings#SESSION_TIMEOUT}), at which every running test is treated as past its own.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SessionWatch implements AutoCloseable {

    /** The exit code of a JVM that Jig ended because a test hung. */
    public static final int HUNG_EXIT_CODE = 3;

    private final RunRecorder run;
    private final Consumer<RunRecord> publish;
    private final Set<DeadlineWatch> active = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "jig-session-deadline");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Settings settings;
    private volatile ScheduledFuture<?> sessionDeadline;

    SessionWatch(RunRecorder run, Consumer<RunRecord> publish) {
        this.run = run;
        this.publish = publish;
    }

    /** The settings of the test plan that starts; arms the session's deadline once. */
    synchronized void planStarted(Settings current) {
        this.settings = current;
        if (sessionDeadline == null && current.sessionTimeout() != null) {
            Duration timeout = current.sessionTimeout();
            sessionDeadline = timer.schedule(() -> sessionPassed(timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    void watching(DeadlineWatch watch) {
        active.add(watch);
    }

    void done(DeadlineWatch watch) {
        active.remove(watch);
    }

    /** A test did not return after its deadline and grace: write the report now, then end the JVM if asked to. */
    void hung(String test) {
        publish.accept(run.toRecord());
        Settings current = settings;
        if (current != null && current.exitWhenHung()) {
            dev.jig.support.JigLog.warn("ending the JVM (exit code " + HUNG_EXIT_CODE + ") because " + test
                    + " is hung; the report was written. Set " + Settings.HUNG_EXIT + "=false to let the run go on.");
            System.exit(HUNG_EXIT_CODE);
        }
    }

    private void sessionPassed(Duration timeout) {
        List<DeadlineWatch> running = List.copyOf(active);
        dev.jig.support.JigLog.warn("the launcher session passed its deadline of " + Durations.human(timeout) + " ("
                + Settings.SESSION_TIMEOUT + "); " + running.size() + " test(s) still running.");
        String why = "was still running when the session passed its deadline of " + Durations.human(timeout) + " ("
                + Settings.SESSION_TIMEOUT + ")";
        running.forEach(w -> w.fireNow(why));
        Duration grace = settings == null ? Settings.DEFAULT_GRACE : settings.grace();
        timer.schedule(() -> sessionGraceOver(why), grace.toNanos(), TimeUnit.NANOSECONDS);
    }

    // Tests that are not Jig tests have no watch of their own: they are marked hung here, with a dump of the JVM.
    private void sessionGraceOver(String why) {
        List<TestRecorder> stillRunning = run.runningTests();
        if (stillRunning.isEmpty()) {
            return;
        }
        String dump = ThreadDumps.ofThisJvm();
        for (TestRecorder test : stillRunning) {
            if (!test.isHung()) {
                if (test.diagnostics() == null) {
                    test.diagnostics(new DiagnosticsRecord(List.of(new DiagnosticsRecord.ThreadDump("test JVM", dump)),
                            List.of()));
                }
                test.hung(new FailureRecord(TestDeadlineException.class.getName(), test.displayName() + " " + why
                        + " and did not return.", ""));
            }
        }
        hung(stillRunning.size() + " test(s)");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
