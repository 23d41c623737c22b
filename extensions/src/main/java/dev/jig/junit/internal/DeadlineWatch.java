package dev.jig.junit.internal;

import dev.jig.junit.TestDeadlineException;
import dev.jig.record.DiagnosticsRecord;
import dev.jig.record.FailureRecord;
import dev.jig.record.ScopeRecorder;
import dev.jig.record.TestRecorder;
import dev.jig.support.Durations;
import dev.jig.support.ThreadDumps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Watches one test body's deadline. When it passes, it (a) captures where the test thread is, a thread dump of the
 * test JVM and of each JVM system, and what the test's fakes, clients and proxies still wait for; (b) unblocks the
 * test by closing what Jig owns (client connections, fake connections, proxy links) and interrupting the thread;
 * (c) makes the test fail with a message that names where it was blocked and what was pending. If the test has not
 * returned a grace period later, the record says {@code hung} and the report is written at once.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class DeadlineWatch implements AutoCloseable {

    private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(5);
    private static final int TOP_FRAMES = 8;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "jig-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final String test;
    private final String testClass;
    private final TestDeadline deadline;
    private final Duration grace;
    private final Thread thread;
    private final List<Stage> stages;
    private final ScopeRecorder recorder;
    private final SessionWatch session;
    private final ScheduledFuture<?> timer;
    private final Object lock = new Object();
    private final java.util.concurrent.CountDownLatch captured = new java.util.concurrent.CountDownLatch(1);
    private volatile ScheduledFuture<?> graceTimer;
    private volatile String message;
    private volatile Throwable whereBlocked;
    private boolean returned;
    private boolean fired;

    private DeadlineWatch(String test, String testClass, TestDeadline deadline, Duration grace, Thread thread,
                          List<Stage> stages, ScopeRecorder recorder, SessionWatch session) {
        this.test = test;
        this.testClass = testClass;
        this.deadline = deadline;
        this.grace = grace;
        this.thread = thread;
        this.stages = List.copyOf(stages);
        this.recorder = recorder;
        this.session = session;
        this.timer = TIMER.schedule((Runnable) this::fire, deadline.duration().toNanos(), TimeUnit.NANOSECONDS);
        if (session != null) {
            session.watching(this);
        }
    }

    /** Starts watching the body that runs on the calling thread. */
    static DeadlineWatch arm(String test, String testClass, TestDeadline deadline, Duration grace, List<Stage> stages,
                             ScopeRecorder recorder, SessionWatch session) {
        return new DeadlineWatch(test, testClass, deadline, grace, Thread.currentThread(), stages, recorder, session);
    }

    /** Whether the deadline passed while the body ran. */
    boolean fired() {
        synchronized (lock) {
            return fired;
        }
    }

    /** The failure of a test whose deadline passed: the deadline's message first, what the body threw as cause. */
    TestDeadlineException failure(Throwable thrown) {
        try {
            captured.await(30, TimeUnit.SECONDS); // the capture may still run when an interrupt ended the body
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        TestDeadlineException failure = new TestDeadlineException(message, thrown);
        if (whereBlocked != null) {
            failure.setStackTrace(whereBlocked.getStackTrace());
        }
        return failure;
    }

    /** Fires now (the session's deadline passed), unless the body already returned or the deadline fired. */
    void fireNow(String why) {
        timer.cancel(false);
        fire(why);
    }

    private void fire() {
        fire("did not finish within its deadline of " + deadline.describe());
    }

    private void fire(String why) {
        synchronized (lock) {
            if (returned || fired) {
                return;
            }
            fired = true;
        }
        StackTraceElement[] frames = thread.getStackTrace();
        Throwable where = new Throwable("where the test thread was");
        where.setStackTrace(frames);
        whereBlocked = where;
        List<DiagnosticsRecord.Pending> pending = new ArrayList<>();
        List<DiagnosticsRecord.ThreadDump> dumps = new ArrayList<>();
        dumps.add(new DiagnosticsRecord.ThreadDump("test JVM", ThreadDumps.ofThisJvm()));
        for (Stage stage : stages) {
            pending.addAll(stage.pending());
            dumps.addAll(stage.threadDumps(DUMP_TIMEOUT));
        }
        message = message(why, frames, pending);
        if (recorder instanceof TestRecorder testRecorder) {
            testRecorder.diagnostics(new DiagnosticsRecord(dumps, pending));
        }
        captured.countDown();
        stages.forEach(Stage::unblock);
        synchronized (lock) {
            // Only while the body runs: an interrupt that lands after it returned would cut short the teardown.
            if (!returned) {
                thread.interrupt();
            }
        }
        graceTimer = TIMER.schedule(this::checkReturned, grace.toNanos(), TimeUnit.NANOSECONDS);
    }

    private String message(String why, StackTraceElement[] frames, List<DiagnosticsRecord.Pending> pending) {
        StringBuilder text = new StringBuilder(test).append(' ').append(why).append(": ");
        text.append(frames.length == 0 ? "the test thread had no stack" : "blocked in " + frame(frames[0]));
        StackTraceElement own = ownFrame(frames);
        if (own != null && frames.length > 0 && own != frames[0]) {
            text.append(", called from ").append(frame(own));
        }
        if (!pending.isEmpty()) {
            text.append("\nPending when the deadline passed:");
            pending.forEach(p -> text.append("\n  ").append(p.request()));
        } else {
            text.append("\nNothing Jig owns was pending (no unanswered requests, no awaited replies).");
        }
        text.append("\nTop frames of the test thread:");
        for (int i = 0; i < Math.min(TOP_FRAMES, frames.length); i++) {
            text.append("\n  at ").append(frame(frames[i]));
        }
        text.append("\nJig closed the connections it owns (clients, fake connections, proxy links) and interrupted"
                + " the test thread to unblock it; the thread dumps are in the report.");
        return text.toString();
    }

    // Without the class loader and module prefixes ("app//", "java.base@17/"): the class, method, file and line.
    private static String frame(StackTraceElement frame) {
        String where = frame.isNativeMethod() ? "Native Method"
                : frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    private StackTraceElement ownFrame(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().equals(testClass) || frame.getClassName().startsWith(testClass + "$")) {
                return frame;
            }
        }
        return null;
    }

    private void checkReturned() {
        synchronized (lock) {
            if (returned) {
                return;
            }
        }
        if (recorder instanceof TestRecorder testRecorder) {
            testRecorder.hung(new FailureRecord(TestDeadlineException.class.getName(), message
                    + "\nThe test did not return within " + Durations.human(grace) + " (" + Settings.TEST_TIMEOUT_GRACE
                    + ") after Jig unblocked it: it is recorded as hung.", stackOf(whereBlocked)));
        }
        dev.jig.support.JigLog.warn("" + test + " is hung: it did not return " + Durations.human(grace)
                + " after its deadline. " + message.lines().findFirst().orElse(""));
        if (session != null) {
            session.hung(test);
        }
    }

    private static String stackOf(Throwable where) {
        if (where == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (StackTraceElement frame : where.getStackTrace()) {
            text.append("\tat ").append(frame).append('\n');
        }
        return text.toString();
    }

    /** The body returned: stop watching; clears the interrupt Jig set, so that teardown is not disturbed. */
    @Override
    public void close() {
        boolean wasFired;
        synchronized (lock) {
            returned = true;
            wasFired = fired;
        }
        timer.cancel(false);
        ScheduledFuture<?> graceCheck = graceTimer;
        if (graceCheck != null) {
            graceCheck.cancel(false);
        }
        if (wasFired && Thread.currentThread() == thread) {
            Thread.interrupted();
        }
        if (session != null) {
            session.done(this);
        }
    }
}
