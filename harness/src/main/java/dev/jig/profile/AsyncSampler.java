package dev.jig.profile;

import dev.jig.record.SampleNode;
import dev.jig.record.SampledFlatRow;
import dev.jig.record.SampledProfile;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import one.profiler.AsyncProfiler;
import one.profiler.Counter;

/**
 * A sampled profile of this JVM by async-profiler, from {@link #tryStart} to {@link #stop}: CPU time by
 * perf_events (or its timer fallback), wall-clock, allocation or lock samples, Java frames only. async-profiler
 * records one profile at a time per JVM; a second start while one runs gets {@code null} (the caller falls back to
 * JFR). Samples of Jig's own threads are left out.
 */
final class AsyncSampler implements Sampler {

    private static final AtomicBoolean BUSY = new AtomicBoolean();

    private final AsyncProfiler profiler;
    private final ProfileOptions options;
    private SampledProfile result;
    private boolean released;

    private AsyncSampler(AsyncProfiler profiler, ProfileOptions options) {
        this.profiler = profiler;
        this.options = options;
    }

    /** Starts sampling, or returns null when async-profiler is busy with another profile. */
    static AsyncSampler tryStart(ProfileOptions options) {
        if (!BUSY.compareAndSet(false, true)) {
            return null;
        }
        AsyncProfiler profiler = AsyncProfilerLibrary.instance();
        try {
            profiler.execute(command(options));
        } catch (IllegalStateException e) {
            BUSY.set(false); // started by someone else in this JVM (an agent, a tool): theirs, leave it
            return null;
        } catch (Exception e) {
            BUSY.set(false);
            throw new IllegalStateException("async-profiler did not start (" + command(options) + "): "
                    + e.getMessage(), e);
        }
        return new AsyncSampler(profiler, options);
    }

    /** The start command: Java stacks only ({@code cstack=no}), one leading frame per thread ({@code threads}). */
    static String command(ProfileOptions options) {
        StringBuilder command = new StringBuilder("start,event=").append(options.event().key());
        switch (options.event()) {
            case CPU, WALL -> command.append(",interval=").append(options.interval().toNanos());
            case ALLOC, LOCK -> { } // async-profiler's own thresholds (512 KiB of allocation, any contention)
        }
        return command.append(",cstack=no,threads").toString();
    }

    @Override
    public synchronized SampledProfile stop() {
        if (result != null) {
            return result;
        }
        try {
            profiler.stop();
            String collapsed = profiler.dumpCollapsed(Counter.SAMPLES);
            SampleTree tree = CollapsedStacks.read(collapsed, thread -> !thread.startsWith("jig-"));
            SampleNode full = tree.toRecord();
            List<SampledFlatRow> flat = FlatProfile.sampled(full);
            long interval = options.event() == SampleEvent.CPU || options.event() == SampleEvent.WALL
                    ? options.interval().toNanos() : 0;
            result = new SampledProfile(options.event().key(), interval, tree.samples(), flat,
                    Folding.fold(full, options.foldBelow()), SampledProfile.ASYNC_PROFILER);
            return result;
        } finally {
            release();
        }
    }

    @Override
    public synchronized void close() {
        if (result == null && !released) {
            try {
                profiler.stop();
            } catch (IllegalStateException e) {
                // not running any more: nothing to stop
            } finally {
                release();
            }
        }
    }

    private void release() {
        if (!released) {
            released = true;
            BUSY.set(false);
        }
    }
}
