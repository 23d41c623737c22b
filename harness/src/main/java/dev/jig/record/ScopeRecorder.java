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
    private final List<SystemProfileRecord> systemProfiles = new ArrayList<>();
    private final List<BenchmarkRecord> benchmarks = new ArrayList<>();
    private volatile ProfileRecord profile;
    private final List<java.util.concurrent.CompletableFuture<?>> pending =
            new java.util.concurrent.CopyOnWriteArrayList<>();

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

    /** Adds the profile of a stopped system under test. */
    public void add(SystemProfileRecord systemProfile) {
        synchronized (systemProfiles) {
            systemProfiles.add(systemProfile);
        }
    }

    /** Adds a measured benchmark. */
    public void add(BenchmarkRecord benchmark) {
        synchronized (benchmarks) {
            benchmarks.add(benchmark);
        }
    }

    /** Sets the test JVM's profile of this scope (replacing an earlier one). */
    public void profile(ProfileRecord value) {
        this.profile = value;
    }

    /** The test JVM's profile, or {@code null}. */
    public ProfileRecord profile() {
        return profile;
    }

    /** The system profiles recorded so far. */
    public List<SystemProfileRecord> systemProfiles() {
        synchronized (systemProfiles) {
            return List.copyOf(systemProfiles);
        }
    }

    /** The benchmarks recorded so far. */
    public List<BenchmarkRecord> benchmarks() {
        synchronized (benchmarks) {
            return List.copyOf(benchmarks);
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

    /**
     * Notes work that still adds to this scope after it ended — a system stopping in the background adds its stop
     * phase and record when it has exited — so that the run's record waits for it.
     */
    public void pending(java.util.concurrent.CompletableFuture<?> work) {
        pending.add(work);
    }

    /** Completes once every {@linkplain #pending pending} contribution has. */
    public java.util.concurrent.CompletableFuture<Void> settled() {
        return java.util.concurrent.CompletableFuture.allOf(
                pending.toArray(java.util.concurrent.CompletableFuture[]::new));
    }

    /** Whether any resource recorded anything here. */
    public boolean isEmpty() {
        return timeline.phases().isEmpty() && processes().isEmpty() && fakes().isEmpty()
                && systemProfiles().isEmpty();
    }
}
