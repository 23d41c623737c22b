package dev.jig.profile;

import dev.jig.record.SampledProfile;

/** A running sampled profile of this JVM: async-profiler or JFR, whichever {@link #start} could use. */
interface Sampler extends AutoCloseable {

    /** Stops sampling and returns the profile; later calls return the same. */
    SampledProfile stop();

    /** Stops without reading, if not stopped yet. */
    @Override
    void close();

    /**
     * Starts the engine {@code options} ask for: with {@link SamplingEngine#AUTO}, async-profiler where it loads
     * and is not busy with another profile (it runs one at a time per JVM), else JFR. {@code cpuTime} asks for
     * JFR's CPU-time sampler, so it means JFR.
     *
     * @throws IllegalStateException if the engine asked for cannot sample here
     */
    static Sampler start(ProfileOptions options) {
        boolean jfrOnly = options.engine() == SamplingEngine.JFR || options.cpuTime();
        if (!jfrOnly) {
            if (options.engine() == SamplingEngine.ASYNC_PROFILER && !AsyncProfilerLibrary.available()) {
                throw new IllegalStateException("async-profiler was asked for, but it cannot load in this JVM: "
                        + AsyncProfilerLibrary.unavailableReason() + ". Use the engine auto (JFR where "
                        + "async-profiler cannot load) or jfr.");
            }
            if (AsyncProfilerLibrary.available()) {
                Sampler sampler = AsyncSampler.tryStart(options);
                if (sampler != null) {
                    return sampler;
                }
                if (options.engine() == SamplingEngine.ASYNC_PROFILER) {
                    throw new IllegalStateException("async-profiler is already recording another profile in this "
                            + "JVM (it records one at a time): profile these tests one after the other, or use the "
                            + "engine auto, which falls back to JFR.");
                }
            }
        }
        return JfrSampler.start(options.interval(), options.cpuTime(), options.event(), options.foldBelow());
    }
}
