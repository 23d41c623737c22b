package dev.jig.waits;

import dev.jig.record.TraceLog;
import dev.jig.record.WaitRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.apiguardian.api.API;

/**
 * Records where this JVM's threads blocked for at least a threshold — {@code jdk.SocketRead},
 * {@code jdk.SocketWrite}, {@code jdk.ThreadPark}, {@code jdk.JavaMonitorWait} — from {@link #start} to
 * {@link #stop}. A system test mostly waits: a CPU profile cannot show on what; this can.
 *
 * <pre>{@code
 * WaitRecorder waits = WaitRecorder.start(Duration.ofMillis(1));
 * runTheTestBody();
 * List<WaitRecord> blocked = waits.stop(timeline.trace(), timeline.originNanos());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class WaitRecorder implements AutoCloseable {

    private static final int FRAMES = 8;
    private static final Map<String, String> KINDS = Map.of("jdk.SocketRead", "socket read",
            "jdk.SocketWrite", "socket write", "jdk.ThreadPark", "park", "jdk.JavaMonitorWait", "monitor wait");

    private final Recording recording;
    private boolean stopped;

    private WaitRecorder(Recording recording) {
        this.recording = recording;
    }

    /** Starts recording waits of at least {@code threshold}. */
    public static WaitRecorder start(Duration threshold) {
        Recording recording = new Recording();
        recording.setName("jig-waits");
        KINDS.keySet().forEach(event -> recording.enable(event).withThreshold(threshold).withStackTrace());
        recording.start();
        return new WaitRecorder(recording);
    }

    /**
     * Stops and returns the waits, oldest first, with offsets from {@code originNanos} ({@code trace} converts the
     * events' wall-clock times). Jig's own threads are left out: they wait for sockets by design.
     */
    public List<WaitRecord> stop(TraceLog trace, long originNanos) {
        Path file = null;
        try {
            recording.stop();
            stopped = true;
            file = Files.createTempFile("jig-waits", ".jfr");
            recording.dump(file);
            List<WaitRecord> waits = new ArrayList<>();
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                WaitRecord wait = toRecord(event, trace, originNanos);
                if (wait != null) {
                    waits.add(wait);
                }
            }
            waits.sort(java.util.Comparator.comparingLong(WaitRecord::startNanos));
            return waits;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the recording of waits: " + e.getMessage(), e);
        } finally {
            close();
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind; nothing else depends on it
                }
            }
        }
    }

    private static WaitRecord toRecord(RecordedEvent event, TraceLog trace, long originNanos) {
        String kind = KINDS.get(event.getEventType().getName());
        if (kind == null || event.getThread() == null) {
            return null;
        }
        String thread = event.getThread().getJavaName();
        if (thread == null || thread.startsWith("jig-") || thread.startsWith("JFR ")) {
            return null;
        }
        List<String> frames = new ArrayList<>();
        if (event.getStackTrace() != null) {
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                if (frames.size() == FRAMES) {
                    break;
                }
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName() + ":"
                        + frame.getLineNumber());
            }
        }
        long start = trace.nanoTimeOf(event.getStartTime()) - originNanos;
        return new WaitRecord(thread, kind, start, event.getDuration().toNanos(), detail(event), frames);
    }

    private static String detail(RecordedEvent event) {
        if (event.hasField("port")) {
            String host = event.hasField("address") ? event.getString("address") : event.getString("host");
            return host + ":" + event.getInt("port");
        }
        if (event.hasField("parkedClass") && event.getClass("parkedClass") != null) {
            return event.getClass("parkedClass").getName();
        }
        if (event.hasField("monitorClass") && event.getClass("monitorClass") != null) {
            return event.getClass("monitorClass").getName();
        }
        return "";
    }

    /** Stops and discards the recording. Safe to call twice. */
    @Override
    public void close() {
        if (!stopped) {
            stopped = true;
            try {
                recording.stop();
            } catch (IllegalStateException e) {
                // not running any more
            }
        }
        recording.close();
    }
}
