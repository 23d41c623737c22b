package dev.jig.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Collects the records of one run (a launcher session). Tests and classes are keyed by id, so that the
 * part of the engine that knows how a test ended and the part that ran its resources can both contribute.
 * Thread-safe: tests may run in parallel.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunRecorder {

    private final String id = UUID.randomUUID().toString();
    private final Instant startedAt = Instant.now();
    private final long startNanoTime = System.nanoTime();
    private final Map<String, TestRecorder> running = new LinkedHashMap<>();
    private final Map<String, ScopeRecorder> classes = new LinkedHashMap<>();
    private final List<TestRecord> finished = new ArrayList<>();

    /** The run's unique id. */
    public String id() {
        return id;
    }

    /** Starts recording a test (or returns the recorder already started for this id). */
    public synchronized TestRecorder startTest(String testId, String className, String methodName,
                                               String displayName) {
        return running.computeIfAbsent(testId,
                key -> new TestRecorder(key, className, methodName, displayName));
    }

    /** The recorder of a running test, or {@code null} if it was not started here. */
    public synchronized TestRecorder test(String testId) {
        return running.get(testId);
    }

    /** Finishes a test; the record joins the run. */
    public synchronized TestRecord finishTest(String testId, TestStatus status, Throwable failure) {
        TestRecorder recorder = running.remove(testId);
        if (recorder == null) {
            return null;
        }
        TestRecord record = recorder.finish(status, failure);
        finished.add(record);
        return record;
    }

    /** Adds a test that was skipped without running. */
    public synchronized void skipTest(String testId, String className, String methodName, String displayName,
                                      String reason) {
        finished.add(new TestRecorder(testId, className, methodName, displayName).skipped(reason));
    }

    /** The recorder of a class's static resources, created on first use. */
    public synchronized ScopeRecorder forClass(String classId) {
        return classes.computeIfAbsent(classId, ScopeRecorder::new);
    }

    /** The tests finished so far. */
    public synchronized List<TestRecord> finishedTests() {
        return List.copyOf(finished);
    }

    /** A snapshot of everything recorded, as the run's record. */
    public synchronized RunRecord toRecord() {
        List<ClassRecord> classRecords = new ArrayList<>();
        classes.forEach((classId, scope) -> {
            if (!scope.isEmpty()) {
                classRecords.add(new ClassRecord(classId, classNameOf(classId), scope.timeline().phases(),
                        scope.processes(), scope.fakes(), scope.systemProfiles()));
            }
        });
        RunInfo info = new RunInfo(id, startedAt, System.nanoTime() - startNanoTime,
                EnvironmentRecord.current());
        return new RunRecord(RunRecord.SCHEMA, info, finished, classRecords);
    }

    /** {@code [engine:junit-jupiter]/[class:a.B]} → {@code a.B}; other ids are returned as they are. */
    private static String classNameOf(String classId) {
        int start = classId.lastIndexOf("[class:");
        if (start < 0) {
            return classId;
        }
        int end = classId.indexOf(']', start);
        return classId.substring(start + "[class:".length(), end < 0 ? classId.length() : end);
    }
}
