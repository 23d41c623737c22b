package dev.jig.profile;

import java.util.Locale;
import org.apiguardian.api.API;

/** Which sampler records a sampled profile of the test JVM. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum SamplingEngine {
    /** async-profiler where its native library loads in this JVM (and is free), else JFR. The default. */
    AUTO,
    /** async-profiler only: starting fails, saying why, where it cannot load. */
    ASYNC_PROFILER,
    /** JDK Flight Recorder only. */
    JFR;

    /** The name used in keys and results: {@code auto}, {@code async-profiler}, {@code jfr}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The engine named {@code key} (any case), or an exception listing the names. */
    public static SamplingEngine of(String key) {
        for (SamplingEngine engine : values()) {
            if (engine.key().equalsIgnoreCase(key.strip())) {
                return engine;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a sampling engine; use auto, async-profiler or jfr.");
    }
}
