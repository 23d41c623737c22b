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
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassRecord(String id, String className, List<PhaseRecord> phases,
                          List<ProcessRecord> processes, List<FakeRecord> fakes,
                          List<SystemProfileRecord> systemProfiles) {
    public ClassRecord {
        phases = List.copyOf(phases);
        processes = List.copyOf(processes);
        fakes = List.copyOf(fakes);
        systemProfiles = systemProfiles == null || systemProfiles.isEmpty() ? null : List.copyOf(systemProfiles);
    }
}
