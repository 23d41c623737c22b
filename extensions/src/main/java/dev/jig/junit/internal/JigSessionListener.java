package dev.jig.junit.internal;

import dev.jig.profile.Profiler;
import dev.jig.record.RunRecord;
import dev.jig.record.RunRecorder;
import dev.jig.record.TestRecord;
import dev.jig.report.GithubSummary;
import dev.jig.report.ReportDirectory;
import dev.jig.support.JigLog;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Records a launcher session (a Surefire fork, an IDE run) and, when it ends, publishes it into the report
 * directory ({@code results.json} and {@code index.html}, merged with the other sessions' parts), printing the
 * page's {@code file://} path and the session's slowest tests. Found by the {@link java.util.ServiceLoader},
 * so nothing needs configuring.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JigSessionListener implements LauncherSessionListener {

    private static final int SLOWEST_SHOWN = 5;

    private static final Namespace NAMESPACE = Namespace.create(Recording.NAMESPACE_PARTS);
    private static final String SETTINGS = "settings";
    static final String WATCH = "session-watch";
    // Sessions a test opens inside this one (Jig's own tests run fixtures so) must not report to GitHub as the build.
    private static final AtomicInteger OPEN_SESSIONS = new AtomicInteger();

    // State lives in the session's store, not in fields: one listener instance may see several sessions.
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (OPEN_SESSIONS.incrementAndGet() == 1) {
            // Loaded before the tests' code is compiled, async-profiler names the methods the JIT inlines.
            Profiler.preloadSampler();
        }
        RunRecorder run = new RunRecorder();
        AtomicReference<Settings> settings = new AtomicReference<>();
        SessionWatch watch = new SessionWatch(run, record -> publish(record, settings));
        session.getStore().put(NAMESPACE, Recording.RUN_RECORDER, run);
        session.getStore().put(NAMESPACE, SETTINGS, settings);
        session.getStore().put(NAMESPACE, WATCH, watch);
        session.getLauncher().registerTestExecutionListeners(new RecordingListener(run, settings, watch));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void launcherSessionClosed(LauncherSession session) {
        boolean outermost = OPEN_SESSIONS.decrementAndGet() == 0;
        RunRecorder run = (RunRecorder) session.getStore().get(NAMESPACE, Recording.RUN_RECORDER);
        AtomicReference<Settings> settings =
                (AtomicReference<Settings>) session.getStore().get(NAMESPACE, SETTINGS);
        if (run == null || settings == null) {
            return;
        }
        SessionWatch watch = (SessionWatch) session.getStore().get(NAMESPACE, WATCH);
        if (watch != null) {
            watch.close();
        }
        if (!run.awaitLate(Settings.LATE_STOPS_WAIT)) {
            JigLog.warn("systems still stopping in the background after " + Settings.LATE_STOPS_WAIT.toSeconds()
                    + " s; their records may be incomplete (the JVM's exit kills what is left)");
        }
        RunRecord record = run.toRecord();
        // A session that ran no test plan has nothing to say; one whose tests never finished still writes.
        if (settings.get() == null && record.tests().isEmpty() && record.classes().isEmpty()) {
            return;
        }
        ReportDirectory.Published report = publish(record, settings);
        printSummary(report, record);
        // On GitHub Actions: the job page's summary and annotations on the failing tests' lines.
        if (outermost) {
            GithubSummary.publishIfRequested(record, report.html(), System.getenv(), Path.of(""), System.out);
        }
    }

    // Forks and re-runs share the directory: each session adds its part, then all parts are merged. Also called
    // early, while a test is hung, so that a run killed for time still leaves its report.
    private static synchronized ReportDirectory.Published publish(RunRecord record,
                                                                  AtomicReference<Settings> settings) {
        Settings current = Optional.ofNullable(settings.get())
                .orElseGet(() -> Settings.from(key -> Optional.ofNullable(System.getProperty(key))));
        ReportDirectory.Published report = ReportDirectory.publish(record, current.reportDir());
        if (record.tests().stream().anyMatch(t -> t.status() == dev.jig.record.TestStatus.HUNG)) {
            JigLog.warn("report written with a hung test: " + report.html().toAbsolutePath().toUri());
        }
        return report;
    }

    private static void printSummary(ReportDirectory.Published report, RunRecord record) {
        List<TestRecord> tests = record.tests();
        StringBuilder text = new StringBuilder(tests.size() + " tests recorded (" + report.merged().tests().size()
                + " in the report): " + report.html().toAbsolutePath().toUri());
        record.classes().stream().filter(dev.jig.record.ClassRecord::failed).forEach(c -> text.append(
                String.format(Locale.ROOT, "%n  class %s failed: %s", simpleName(c.className()),
                        c.failure() == null ? "" : String.valueOf(c.failure().message()).lines().findFirst()
                                .orElse(""))));
        tests.stream().sorted(Comparator.comparingLong(TestRecord::durationNanos).reversed())
                .limit(SLOWEST_SHOWN)
                .forEach(t -> text.append(String.format(Locale.ROOT, "%n  %8.1f ms  %s.%s", t.durationNanos() / 1e6,
                        simpleName(t.className()), t.displayName())));
        JigLog.info(text.toString());
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
