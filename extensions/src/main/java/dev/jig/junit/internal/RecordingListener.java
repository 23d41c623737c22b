package dev.jig.junit.internal;

import dev.jig.record.FailureRecord;
import dev.jig.record.RunRecorder;
import dev.jig.record.TestRecorder;
import dev.jig.record.TestStatus;
import dev.jig.record.Timeline;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records how every test and class of the session ended — also tests that use no Jig resources — so that the
 * report never says less than the engine: a skipped or disabled class puts each of its tests in the record as
 * skipped with the reason; a class that fails before its tests (beforeAll) puts each test in as failed with that
 * failure; a failure after them (afterAll) is recorded on the class. Also reads the run's configuration.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class RecordingListener implements TestExecutionListener {

    private final RunRecorder run;
    private final AtomicReference<Settings> settings;
    private final SessionWatch watch;
    private volatile TestPlan plan;

    RecordingListener(RunRecorder run, AtomicReference<Settings> settings, SessionWatch watch) {
        this.run = run;
        this.settings = settings;
        this.watch = watch;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        Settings current = Settings.from(testPlan.getConfigurationParameters()::get);
        settings.set(current);
        watch.planStarted(current);
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            run.startTest(test.getUniqueId(), className(test), methodName(test), test.getDisplayName());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            run.skipTest(test.getUniqueId(), className(test), methodName(test), test.getDisplayName(), reason);
            return;
        }
        if (isClass(test)) {
            run.finishClass(test.getUniqueId(), className(test), TestStatus.SKIPPED,
                    new FailureRecord("skipped", reason, ""));
        }
        // JUnit reports only the container; its tests never reach this listener.
        TestPlan current = plan;
        if (current != null) {
            current.getDescendants(test).stream().filter(TestIdentifier::isTest)
                    .filter(t -> !run.isRecorded(t.getUniqueId()))
                    .forEach(t -> run.skipTest(t.getUniqueId(), className(t), methodName(t), t.getDisplayName(),
                            reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        TestStatus status = switch (result.getStatus()) {
            case SUCCESSFUL -> TestStatus.PASSED;
            case FAILED -> TestStatus.FAILED;
            case ABORTED -> TestStatus.ABORTED;
        };
        if (test.isTest()) {
            nameTheTimeAfterTearDown(test.getUniqueId());
            run.finishTest(test.getUniqueId(), status, result.getThrowable().orElse(null));
            return;
        }
        if (!isClass(test)) {
            return;
        }
        FailureRecord failure = result.getThrowable().map(FailureRecord::of).orElse(null);
        run.finishClass(test.getUniqueId(), className(test), status, failure);
        TestPlan current = plan;
        if (status != TestStatus.PASSED && current != null) {
            // Tests that never started: the class failed (or was aborted) before them.
            current.getDescendants(test).stream().filter(TestIdentifier::isTest)
                    .forEach(t -> run.failNeverStarted(t.getUniqueId(), className(t), methodName(t),
                            t.getDisplayName(), test.getUniqueId(), status, failure));
        }
    }

    /** What JUnit did after Jig's tear-down (other extensions' after-each callbacks) becomes a phase too. */
    private void nameTheTimeAfterTearDown(String id) {
        TestRecorder recorder = run.test(id);
        if (recorder == null) {
            return;
        }
        Timeline timeline = recorder.timeline();
        timeline.phases().stream().filter(p -> p.name().equals(Lifecycle.TEAR_DOWN)).reduce((a, b) -> b)
                .ifPresent(tearDown -> timeline.phase(AFTER_TEAR_DOWN, timeline.originNanos() + tearDown.startNanos()
                        + tearDown.durationNanos(), System.nanoTime()));
    }

    /** The phase from Jig's tear-down to the test's end. */
    static final String AFTER_TEAR_DOWN = "after tear-down (JUnit: other extensions)";

    private static boolean isClass(TestIdentifier test) {
        return test.isContainer() && test.getSource().filter(ClassSource.class::isInstance).isPresent();
    }

    private static String className(TestIdentifier test) {
        return test.getSource().map(source -> {
            if (source instanceof MethodSource method) {
                return method.getClassName();
            }
            if (source instanceof ClassSource type) {
                return type.getClassName();
            }
            return "";
        }).orElse("");
    }

    private static String methodName(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getMethodName).orElse(test.getDisplayName());
    }
}
