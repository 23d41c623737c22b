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
    private final Map<String, ClassOutcome> classOutcomes = new LinkedHashMap<>();
    private final List<java.util.concurrent.CompletableFuture<?>> late = new ArrayList<>();

    /** How a class container ended, as the engine reported it. */
    private record ClassOutcome(String className, TestStatus status, FailureRecord failure) {
    }

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
        java.util.concurrent.CompletableFuture<Void> settled = recorder.settled();
        if (!settled.isDone()) {
            // Its systems still stop in the background: their records replace this one's when they arrive.
            late.add(settled);
            settled.whenComplete((ignored, error) -> refresh(testId, recorder));
        }
        return record;
    }

    private synchronized void refresh(String testId, TestRecorder recorder) {
        for (int i = 0; i < finished.size(); i++) {
            if (finished.get(i).id().equals(testId)) {
                finished.set(i, recorder.refresh(finished.get(i)));
                return;
            }
        }
    }

    /**
     * Waits, at most {@code timeout}, for what finished tests still add (systems stopping in the background), so
     * that the record written next holds their exit codes, output and stop phases; returns whether all arrived.
     */
    public boolean awaitLate(java.time.Duration timeout) {
        java.util.concurrent.CompletableFuture<?>[] waiting;
        synchronized (this) {
            List<java.util.concurrent.CompletableFuture<?>> all = new ArrayList<>(late);
            classes.values().forEach(scope -> all.add(scope.settled())); // static systems stopping late
            waiting = all.toArray(java.util.concurrent.CompletableFuture[]::new);
        }
        try {
            java.util.concurrent.CompletableFuture.allOf(waiting).get(timeout.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true; // each stop handles its own failure; it has ended
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Adds a test that was skipped without running. */
    public synchronized void skipTest(String testId, String className, String methodName, String displayName,
                                      String reason) {
        finished.add(new TestRecorder(testId, className, methodName, displayName).skipped(reason));
    }

    /**
     * Records a test that never started because its class failed or was aborted before it (a beforeAll step):
     * it gets the class's {@code status} and {@code failure}, and the systems and fakes the class started, so that
     * their exit codes and output are beside it. Does nothing for a test already recorded.
     */
    public synchronized void failNeverStarted(String testId, String className, String methodName,
                                              String displayName, String classId, TestStatus status,
                                              FailureRecord failure) {
        if (isRecorded(testId)) {
            return;
        }
        ScopeRecorder scope = classes.get(classId);
        TestRecord record = new TestRecord(testId, className, methodName, displayName, status, 0L, failure,
                List.of(), scope == null ? List.of() : scope.processes(), scope == null ? List.of() : scope.fakes(),
                null, null, null, null);
        finished.add(record);
    }

    /** Whether a test of this id finished or was skipped here. */
    public synchronized boolean isRecorded(String testId) {
        return finished.stream().anyMatch(t -> t.id().equals(testId));
    }

    /**
     * Records how a test class ended: {@code failed} for a beforeAll or afterAll failure (which turns the run red),
     * {@code aborted}, {@code skipped} (then {@code failure} carries the reason), or {@code passed}.
     */
    public synchronized void finishClass(String classId, String className, TestStatus status, FailureRecord failure) {
        classOutcomes.put(classId, new ClassOutcome(className, status, failure));
    }

    /** The recorder of a class's static resources, created on first use. */
    public synchronized ScopeRecorder forClass(String classId) {
        return classes.computeIfAbsent(classId, ScopeRecorder::new);
    }

    /** The tests finished so far. */
    public synchronized List<TestRecord> finishedTests() {
        return List.copyOf(finished);
    }

    /** The recorders of the tests that started and have not finished. */
    public synchronized List<TestRecorder> runningTests() {
        return List.copyOf(running.values());
    }

    /**
     * A snapshot of everything recorded, as the run's record. Tests still running that were marked
     * {@linkplain TestRecorder#hung hung} are in it as {@code hung}; other running tests are not.
     */
    public synchronized RunRecord toRecord() {
        List<ClassRecord> classRecords = new ArrayList<>();
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(classOutcomes.keySet());
        classes.forEach((classId, scope) -> {
            if (!scope.isEmpty()) {
                ids.add(classId);
            }
        });
        for (String classId : ids) {
            ScopeRecorder scope = classes.get(classId);
            ClassOutcome outcome = classOutcomes.get(classId);
            String className = outcome != null && !outcome.className().isEmpty() ? outcome.className()
                    : classNameOf(classId);
            classRecords.add(new ClassRecord(classId, className,
                    scope == null ? List.of() : scope.timeline().phases(),
                    scope == null ? List.of() : scope.processes(), scope == null ? List.of() : scope.fakes(),
                    scope == null ? null : scope.systemProfiles(), outcome == null ? null : outcome.status(),
                    outcome == null ? null : outcome.failure(), null));
        }
        List<TestRecord> tests = new ArrayList<>(finished);
        running.values().stream().filter(TestRecorder::isHung).map(TestRecorder::hungRecord).forEach(tests::add);
        RunInfo info = new RunInfo(id, startedAt, System.nanoTime() - startNanoTime,
                EnvironmentRecord.current());
        return new RunRecord(RunRecord.SCHEMA, info, tests, classRecords);
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
