package dev.jig.record;

import org.apiguardian.api.API;

/**
 * Collects the record of one test: what its resources report while it runs, then how it ended.
 * Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TestRecorder extends ScopeRecorder {

    private final String className;
    private final String methodName;
    private final String displayName;
    private final long startNanoTime;

    /** Starts recording a test now. */
    public TestRecorder(String id, String className, String methodName, String displayName) {
        super(id);
        this.className = className;
        this.methodName = methodName;
        this.displayName = displayName;
        this.startNanoTime = timeline().originNanos();
    }

    /** The finished record; {@code failure} may be {@code null}. */
    public TestRecord finish(TestStatus status, Throwable failure) {
        long duration = System.nanoTime() - startNanoTime;
        return new TestRecord(id(), className, methodName, displayName, status, duration,
                failure == null ? null : FailureRecord.of(failure), timeline().phases(), processes(), fakes(),
                profile(), systemProfiles(), benchmarks());
    }

    /** The record of a test that never ran. */
    public TestRecord skipped(String reason) {
        FailureRecord why = reason == null ? null : new FailureRecord("skipped", reason, "");
        return new TestRecord(id(), className, methodName, displayName, TestStatus.SKIPPED, 0L, why,
                timeline().phases(), processes(), fakes(), null, null, null);
    }
}
