package dev.jig.profile;

import dev.jig.record.SampleNode;
import dev.jig.record.SampledFlatRow;
import dev.jig.record.SampledProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.apiguardian.api.API;

/**
 * Reads the execution samples of a JFR recording into the profile model: one {@link SampleTree} path per
 * sampled stack (Java frames only, names normalised), then the flat profile and the folded tree.
 *
 * <pre>{@code
 * SampledProfile profile = JfrProfiles.read(Path.of("atm.jfr"), 0.001);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JfrProfiles {

    /** The classic JFR sampler (all JDKs). */
    public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    /** The CPU-time sampler of JDK 25 (JEP 509, Linux). */
    public static final String CPU_TIME_SAMPLE = "jdk.CPUTimeSample";

    /** Samples of threads in native code (with execution samples: JFR's nearest to wall-clock). */
    static final String NATIVE_METHOD_SAMPLE = "jdk.NativeMethodSample";

    /** Sampled allocations (JDK 16+). */
    static final String OBJECT_ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";

    /** Contended monitor entries. */
    static final String JAVA_MONITOR_ENTER = "jdk.JavaMonitorEnter";

    /** Parked threads (j.u.c. locks). */
    static final String THREAD_PARK = "jdk.ThreadPark";

    private static final Set<String> SAMPLE_EVENTS = Set.of(EXECUTION_SAMPLE, CPU_TIME_SAMPLE);

    private JfrProfiles() {
    }

    /**
     * The samples of {@code file} (both sampler events count) as a profile; the interval is unknown here, 0.
     *
     * @throws UncheckedIOException if the file cannot be read as a recording
     */
    public static SampledProfile read(Path file, double foldBelow) {
        return read(file, SAMPLE_EVENTS, EXECUTION_SAMPLE, 0, foldBelow, event -> true);
    }

    /**
     * The {@code events} of {@code file} that {@code keep} accepts, as a profile labelled {@code label}, recorded
     * at {@code interval}.
     */
    static SampledProfile read(Path file, Set<String> events, String label, long intervalNanos, double foldBelow,
                               Predicate<RecordedEvent> keep) {
        SampleTree tree = new SampleTree();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent sample = recording.readEvent();
                if (events.contains(sample.getEventType().getName()) && keep.test(sample)) {
                    List<String> frames = frames(sample.getStackTrace());
                    if (!frames.isEmpty()) {
                        tree.add(frames);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the flight recording " + file + ": " + e.getMessage(), e);
        }
        SampleNode full = tree.toRecord();
        List<SampledFlatRow> flat = FlatProfile.sampled(full);
        return new SampledProfile(label, intervalNanos, tree.samples(), flat, Folding.fold(full, foldBelow),
                SampledProfile.JFR);
    }

    /** The Java frames of {@code stack}, outermost first. */
    static List<String> frames(RecordedStackTrace stack) {
        if (stack == null) {
            return List.of();
        }
        List<RecordedFrame> topFirst = stack.getFrames();
        List<String> frames = new ArrayList<>(topFirst.size());
        for (int i = topFirst.size() - 1; i >= 0; i--) {
            RecordedFrame frame = topFirst.get(i);
            if (frame.isJavaFrame() && frame.getMethod() != null) {
                frames.add(MethodNames.of(frame.getMethod().getType().getName(), frame.getMethod().getName()));
            }
        }
        return frames;
    }
}
