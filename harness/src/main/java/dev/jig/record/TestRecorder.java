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
    private volatile DiagnosticsRecord diagnostics;
    private volatile FailureRecord hung;

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
        return finish(status, failure == null ? null : FailureRecord.of(failure));
    }

    private TestRecord finish(TestStatus status, FailureRecord failure) {
        long duration = System.nanoTime() - startNanoTime;
        return new TestRecord(id(), className, methodName, displayName, status, duration, failure,
                timeline().phases(), processes(), fakes(), profile(), systemProfiles(), benchmarks(), diagnostics,
                timeline().trace().toRecord());
    }

    /** What JUnit displays for the test. */
    public String displayName() {
        return displayName;
    }

    /** {@code earlier} (this test's finished record) with what arrived since: phases and records of late stops. */
    public TestRecord refresh(TestRecord earlier) {
        return new TestRecord(id(), className, methodName, displayName, earlier.status(), earlier.durationNanos(),
                earlier.failure(), timeline().phases(), processes(), fakes(), profile(), systemProfiles(),
                benchmarks(), diagnostics, timeline().trace().toRecord());
    }

    /** Keeps what Jig captured about this test (thread dumps, pending requests) for its record. */
    public void diagnostics(DiagnosticsRecord captured) {
        this.diagnostics = captured;
    }

    /** What was captured about this test, or {@code null}. */
    public DiagnosticsRecord diagnostics() {
        return diagnostics;
    }

    /** Marks the test as past its deadline and not returned: until it finishes, its record says {@code hung}. */
    public void hung(FailureRecord why) {
        this.hung = why;
    }

    /** Whether the test was marked {@link #hung}. */
    public boolean isHung() {
        return hung != null;
    }

    /** The record of the test as it stands while it still runs: {@code hung}, with why and its diagnostics. */
    public TestRecord hungRecord() {
        return finish(TestStatus.HUNG, hung);
    }

    /** The record of a test that never ran. */
    public TestRecord skipped(String reason) {
        FailureRecord why = reason == null ? null : new FailureRecord("skipped", reason, "");
        return new TestRecord(id(), className, methodName, displayName, TestStatus.SKIPPED, 0L, why,
                timeline().phases(), processes(), fakes(), null, null, null);
    }
}
