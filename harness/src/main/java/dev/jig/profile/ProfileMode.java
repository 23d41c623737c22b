package dev.jig.profile;

import org.apiguardian.api.API;

/** Which profiles of the test JVM to record. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ProfileMode {
    /** Instrumented: every call of the selected classes, timed, in a call tree. */
    EXACT,
    /** Samples of all threads but Jig's own (async-profiler where it loads, else JFR). */
    SAMPLED,
    /**
     * The hybrid: samples, and every call of the selected classes counted by a counting-only probe (no clock, no
     * call tree), so that calls are exact and time comes from samples of code the JIT compiled nearly as it would
     * uninstrumented. The exact profile is then {@link dev.jig.record.ExactProfile#countsOnly() counts only};
     * for timed calls and their tree, use {@link #EXACT}.
     */
    BOTH;

    boolean exact() {
        return this != SAMPLED;
    }

    /** Whether calls are timed (the exact call tree), not only counted. */
    boolean timed() {
        return this == EXACT;
    }

    boolean sampled() {
        return this != EXACT;
    }
}
