package dev.jig.junit.internal;

import dev.jig.record.RunRecorder;
import dev.jig.record.TestStatus;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records how every test of the session ended — also tests that use no Jig resources — and reads the
 * configuration of the run from the test plan.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class RecordingListener implements TestExecutionListener {

    private final RunRecorder run;
    private final AtomicReference<Settings> settings;

    RecordingListener(RunRecorder run, AtomicReference<Settings> settings) {
        this.run = run;
        this.settings = settings;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        settings.set(Settings.from(plan.getConfigurationParameters()::get));
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
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        TestStatus status = switch (result.getStatus()) {
            case SUCCESSFUL -> TestStatus.PASSED;
            case FAILED -> TestStatus.FAILED;
            case ABORTED -> TestStatus.ABORTED;
        };
        run.finishTest(test.getUniqueId(), status, result.getThrowable().orElse(null));
    }

    private static String className(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getClassName).orElse("");
    }

    private static String methodName(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getMethodName).orElse(test.getDisplayName());
    }
}
