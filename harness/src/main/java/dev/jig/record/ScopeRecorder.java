package dev.jig.record;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Collects what the resources of one scope (a test, or the static resources of a class) record: phases on
 * a {@link Timeline}, then a {@link ProcessRecord} or {@link FakeRecord} as each resource stops.
 * Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ScopeRecorder {

    private final String id;
    private final Timeline timeline;
    private final List<ProcessRecord> processes = new ArrayList<>();
    private final List<FakeRecord> fakes = new ArrayList<>();

    /** A recorder whose timeline starts now. */
    public ScopeRecorder(String id) {
        this.id = id;
        this.timeline = Timeline.startingNow();
    }

    /** The JUnit unique id (or any id) of what is recorded. */
    public String id() {
        return id;
    }

    /** Where the phases go. */
    public Timeline timeline() {
        return timeline;
    }

    /** Adds what a stopped process did. */
    public void add(ProcessRecord process) {
        synchronized (processes) {
            processes.add(process);
        }
    }

    /** Adds the journal summary of a stopped fake server. */
    public void add(FakeRecord fake) {
        synchronized (fakes) {
            fakes.add(fake);
        }
    }

    /** The processes recorded so far. */
    public List<ProcessRecord> processes() {
        synchronized (processes) {
            return List.copyOf(processes);
        }
    }

    /** The fakes recorded so far. */
    public List<FakeRecord> fakes() {
        synchronized (fakes) {
            return List.copyOf(fakes);
        }
    }

    /** Whether any resource recorded anything here. */
    public boolean isEmpty() {
        return timeline.phases().isEmpty() && processes().isEmpty() && fakes().isEmpty();
    }
}
