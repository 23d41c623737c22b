package dev.jig.profile;

import org.apiguardian.api.API;

/** Which profiles of the test JVM to record. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ProfileMode {
    /** Instrumented: every call of the selected classes, timed. */
    EXACT,
    /** JFR execution samples of all threads. */
    SAMPLED,
    /** Both at once (the exact profile's cost then shows in the samples). */
    BOTH;

    boolean exact() {
        return this != SAMPLED;
    }

    boolean sampled() {
        return this != EXACT;
    }
}
