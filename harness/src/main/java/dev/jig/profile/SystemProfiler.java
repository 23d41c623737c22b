package dev.jig.profile;

import dev.jig.record.SampledProfile;
import dev.jig.record.SystemProfileRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The profile of one system under test, used by the harness's process package: for a JVM, a flight recording
 * it writes itself when it exits ({@code dumponexit}); for any process, CPU time and peak RSS of its tree.
 * {@link #finish()} is called after the process stopped and reads the recording.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SystemProfiler implements AutoCloseable {

    /** How often CPU and memory are read while the system runs. */
    static final Duration PERIOD = Duration.ofMillis(200);

    private final String system;
    private final Path recording;
    private final ProcessSampler sampler;
    private SystemProfileRecord result;

    private SystemProfiler(String system, Path recording, ProcessSampler sampler) {
        this.system = system;
        this.recording = recording;
        this.sampler = sampler;
    }

    /** A fresh place for a JVM's flight recording (the JVM creates the file). */
    public static Path newRecordingFile(String system) {
        try {
            return Files.createTempDirectory("jig-jfr-").resolve(system.replaceAll("[^A-Za-z0-9_.-]", "_") + ".jfr");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for " + system
                    + "'s flight recording: " + e.getMessage(), e);
        }
    }

    /**
     * The JVM options that make a JVM record execution samples into {@code file} and write it on exit. Debug
     * information at non-safepoints lets samples inside inlined code name the right method.
     */
    public static List<String> jvmOptions(Path file) {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
                "-XX:StartFlightRecording=filename=" + file + ",dumponexit=true,settings=profile");
    }

    /** Starts watching {@code root}'s tree; {@code recording} is the JVM's flight recording, or null. */
    public static SystemProfiler start(String system, ProcessHandle root, Path recording) {
        return new SystemProfiler(system, recording, ProcessSampler.start(root, system, PERIOD));
    }

    /** Reads CPU and memory once more: call it just before the process is stopped. */
    public void sampleNow() {
        sampler.sampleNow();
    }

    /**
     * The profile, once the process has exited: kind {@code "jfr"} when a recording was written, else kind
     * {@code "process"}. Safe to call twice.
     */
    public synchronized SystemProfileRecord finish() {
        if (result != null) {
            return result;
        }
        sampler.close();
        long cpu = sampler.cpuNanos();
        long rss = sampler.peakRssBytes();
        if (recording != null && Files.isRegularFile(recording)) {
            try {
                SampledProfile samples = JfrProfiles.read(recording, ProfileOptions.DEFAULT_FOLD_BELOW);
                result = new SystemProfileRecord(system, "jfr", samples.samples(), samples.flat(), samples.tree(),
                        cpu, rss);
            } finally {
                delete(recording);
            }
        } else {
            result = new SystemProfileRecord(system, "process", 0, List.of(), null, cpu, rss);
        }
        return result;
    }

    @Override
    public void close() {
        sampler.close();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
