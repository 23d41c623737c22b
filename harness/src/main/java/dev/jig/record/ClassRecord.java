package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What the class-scoped ({@code static}) resources of one test class recorded: they start before its first
 * test and stop after its last, so their phases belong to no single test.
 *
 * @param id        the JUnit unique id of the class
 * @param className the test class
 * @param phases    start, ready and stop of each class-scoped resource, offsets from the class's start
 * @param processes the systems started once for the class
 * @param fakes     the fake servers started once for the class
 * @param systemProfiles the profiles of the systems started once for the class, when profiled
 * @param status    how the class ended: {@code failed} when a beforeAll or afterAll step failed, {@code skipped}
 *                  when it was disabled or a condition skipped it, {@code aborted} when an assumption aborted it;
 *                  absent for classes recorded before statuses existed
 * @param failure   why it failed, was skipped or aborted (for a skipped class, {@code message} is the reason)
 * @param diagnostics what Jig captured when the class's resources failed or hung, or null
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassRecord(String id, String className, List<PhaseRecord> phases,
                          List<ProcessRecord> processes, List<FakeRecord> fakes,
                          List<SystemProfileRecord> systemProfiles, TestStatus status, FailureRecord failure,
                          DiagnosticsRecord diagnostics) {
    public ClassRecord {
        phases = List.copyOf(phases);
        processes = List.copyOf(processes);
        fakes = List.copyOf(fakes);
        systemProfiles = systemProfiles == null || systemProfiles.isEmpty() ? null : List.copyOf(systemProfiles);
        diagnostics = diagnostics == null || diagnostics.isEmpty() ? null : diagnostics;
    }

    /** A record of class resources without a status (as written before classes had one). */
    public ClassRecord(String id, String className, List<PhaseRecord> phases, List<ProcessRecord> processes,
                       List<FakeRecord> fakes, List<SystemProfileRecord> systemProfiles) {
        this(id, className, phases, processes, fakes, systemProfiles, null, null, null);
    }

    /** Whether the class itself failed (a beforeAll or afterAll step), which turns the run red. */
    public boolean failed() {
        return status == TestStatus.FAILED || status == TestStatus.HUNG;
    }
}
