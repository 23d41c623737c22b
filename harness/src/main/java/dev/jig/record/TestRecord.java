package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What one test recorded.
 *
 * @param id            the JUnit unique id
 * @param className     the test class
 * @param methodName    the test method
 * @param displayName   what JUnit displays
 * @param status        how it ended
 * @param durationNanos how long it took, from JUnit's start to finish of the test
 * @param failure       why it failed or was aborted; absent otherwise
 * @param phases        start, ready and stop of each resource and the test body, offsets from the test's start
 * @param processes     the systems it ran
 * @param fakes         the fake servers it used
 * @param profile       the test JVM's profile of this test, when profiled
 * @param systemProfiles the profiles of its systems under test, when profiled
 * @param benchmarks    the benchmarks it measured
 * @param diagnostics   what Jig captured when the test hung or failed (thread dumps, pending requests), or null
 * @param trace         the messages between its clients, systems, fakes and proxies, and who held them; or null
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestRecord(String id, String className, String methodName, String displayName,
                         TestStatus status, long durationNanos, FailureRecord failure,
                         List<PhaseRecord> phases, List<ProcessRecord> processes, List<FakeRecord> fakes,
                         ProfileRecord profile, List<SystemProfileRecord> systemProfiles,
                         List<BenchmarkRecord> benchmarks, DiagnosticsRecord diagnostics, TraceRecord trace) {
    public TestRecord {
        trace = trace == null || trace.isEmpty() ? null : trace;
        phases = List.copyOf(phases);
        processes = List.copyOf(processes);
        fakes = List.copyOf(fakes);
        systemProfiles = systemProfiles == null || systemProfiles.isEmpty() ? null : List.copyOf(systemProfiles);
        benchmarks = benchmarks == null || benchmarks.isEmpty() ? null : List.copyOf(benchmarks);
        diagnostics = diagnostics == null || diagnostics.isEmpty() ? null : diagnostics;
    }

    /** A record without a trace. */
    public TestRecord(String id, String className, String methodName, String displayName,
                      TestStatus status, long durationNanos, FailureRecord failure,
                      List<PhaseRecord> phases, List<ProcessRecord> processes, List<FakeRecord> fakes,
                      ProfileRecord profile, List<SystemProfileRecord> systemProfiles,
                      List<BenchmarkRecord> benchmarks, DiagnosticsRecord diagnostics) {
        this(id, className, methodName, displayName, status, durationNanos, failure, phases, processes, fakes,
                profile, systemProfiles, benchmarks, diagnostics, null);
    }

    /** A record without diagnostics. */
    public TestRecord(String id, String className, String methodName, String displayName,
                      TestStatus status, long durationNanos, FailureRecord failure,
                      List<PhaseRecord> phases, List<ProcessRecord> processes, List<FakeRecord> fakes,
                      ProfileRecord profile, List<SystemProfileRecord> systemProfiles,
                      List<BenchmarkRecord> benchmarks) {
        this(id, className, methodName, displayName, status, durationNanos, failure, phases, processes, fakes,
                profile, systemProfiles, benchmarks, null, null);
    }

    /** This record with another status, failure and diagnostics (e.g. a test a class failure ended). */
    public TestRecord withOutcome(TestStatus newStatus, FailureRecord newFailure, DiagnosticsRecord newDiagnostics) {
        return new TestRecord(id, className, methodName, displayName, newStatus, durationNanos, newFailure, phases,
                processes, fakes, profile, systemProfiles, benchmarks, newDiagnostics, trace);
    }
}
