package dev.jig.profile;

import dev.jig.record.SampledProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * A flight recording of samples in this JVM, from {@link #start} to {@link #stop}: the fallback where
 * async-profiler cannot load. Only the events of the {@link SampleEvent} asked for are enabled, so the
 * recording is small and cheap. Samples of Jig's own threads are left out.
 */
final class JfrSampler implements Sampler {

    private final Recording recording;
    private final Set<String> events;
    private final String event;
    private final Duration interval;
    private final double foldBelow;
    private SampledProfile result;

    private JfrSampler(Recording recording, Set<String> events, Duration interval, double foldBelow) {
        this.recording = recording;
        this.events = events;
        this.event = String.join(",", new TreeSet<>(events));
        this.interval = interval;
        this.foldBelow = foldBelow;
    }

    /**
     * Starts sampling {@code what} every {@code interval}; with {@code cpuTime}, the JDK 25 CPU-time sampler.
     *
     * @throws IllegalStateException if {@code cpuTime} is asked for on a JVM that lacks it
     */
    static JfrSampler start(Duration interval, boolean cpuTime, SampleEvent what, double foldBelow) {
        if (cpuTime && !cpuTimeSamplerAvailable()) {
            throw new IllegalStateException("CPU-time sampling (jdk.CPUTimeSample) needs JDK 25 or newer on Linux; "
                    + "this JVM is " + Runtime.version() + ". Drop cpuTime, or run the tests on JDK 25.");
        }
        Recording recording = new Recording();
        recording.setName("jig-profile");
        recording.setToDisk(true);
        Set<String> events;
        if (cpuTime) {
            events = Set.of(JfrProfiles.CPU_TIME_SAMPLE);
            recording.enable(JfrProfiles.CPU_TIME_SAMPLE).with("throttle", interval.toMillis() + " ms");
        } else {
            events = switch (what) {
                case CPU -> Set.of(JfrProfiles.EXECUTION_SAMPLE);
                case WALL -> Set.of(JfrProfiles.EXECUTION_SAMPLE, JfrProfiles.NATIVE_METHOD_SAMPLE);
                case ALLOC -> Set.of(JfrProfiles.OBJECT_ALLOCATION_SAMPLE);
                case LOCK -> Set.of(JfrProfiles.JAVA_MONITOR_ENTER, JfrProfiles.THREAD_PARK);
            };
            for (String name : events) {
                switch (what) {
                    case CPU, WALL -> recording.enable(name).withPeriod(interval);
                    case ALLOC -> recording.enable(name).withStackTrace();
                    case LOCK -> recording.enable(name).withThreshold(Duration.ZERO).withStackTrace();
                }
            }
        }
        recording.start();
        return new JfrSampler(recording, events, interval, foldBelow);
    }

    /** Whether this JVM has the CPU-time sampler. */
    static boolean cpuTimeSamplerAvailable() {
        return FlightRecorder.getFlightRecorder().getEventTypes().stream().map(EventType::getName)
                .anyMatch(JfrProfiles.CPU_TIME_SAMPLE::equals);
    }

    /** Stops sampling and reads the samples; safe to call twice. */
    @Override
    public synchronized SampledProfile stop() {
        if (result != null) {
            return result;
        }
        Path file = null;
        try {
            recording.stop();
            file = Files.createTempFile("jig-profile-", ".jfr");
            recording.dump(file);
            result = JfrProfiles.read(file, events, event, interval.toNanos(), foldBelow,
                    sample -> !isJigThread(sampledThread(sample)));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the sampled profile's recording: " + e.getMessage(), e);
        } finally {
            recording.close();
            deleteQuietly(file);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (result == null) {
                recording.close();
            }
        }
    }

    private static jdk.jfr.consumer.RecordedThread sampledThread(jdk.jfr.consumer.RecordedEvent sample) {
        return sample.hasField("sampledThread") ? sample.getThread("sampledThread") : sample.getThread();
    }

    private static boolean isJigThread(jdk.jfr.consumer.RecordedThread thread) {
        return thread != null && thread.getJavaName() != null && thread.getJavaName().startsWith("jig-");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit(); // a temp file: gone at exit at the latest
            }
        }
    }
}
