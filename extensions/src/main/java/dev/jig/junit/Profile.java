package dev.jig.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.jig.junit.internal.ProfilingExtension;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Profiles the tests of a {@link JigTest} class (on the class) or one test (on the method; it wins over the
 * class's). The profile goes into {@code results.json} under the test, and a short flat profile is published
 * as a JUnit report entry and printed. Unset attributes fall back to the configuration keys
 * {@code jig.profile.*} (system properties or {@code junit-platform.properties}), then to the defaults.
 *
 * <pre>{@code
 * @JigTest
 * @Profile(include = "com.acme.pricing")               // exact: every call in com.acme.pricing, timed
 * class PricingTest {
 *     @Test
 *     @Profile(mode = Profile.Mode.SAMPLED, intervalMillis = 5)
 *     void bulkQuote() { ... }
 * }
 * }</pre>
 *
 * <p>Exact profiles need an agent: start the test JVM with {@code -javaagent:<jig-harness.jar>} (see the
 * README); without it one is attached at runtime with a warning. Exact profiles are global to the JVM, so
 * profiled tests must not run in parallel with each other.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ProfilingExtension.class) // also outside @JigTest classes; JUnit registers it once
public @interface Profile {

    /** Exact, sampled or both; default: key {@code jig.profile.mode}, else exact. */
    Mode mode() default Mode.DEFAULT;

    /** Packages or classes to instrument; default: key {@code jig.profile.include}, else the test's package. */
    String[] include() default {};

    /** Packages or classes never to instrument; default: key {@code jig.profile.exclude}. */
    String[] exclude() default {};

    /** Sampling period in ms; default: key {@code jig.profile.interval}, else 10 ms. */
    long intervalMillis() default 0;

    /** What is profiled; default: key {@code jig.profile.scope}, else the test body. */
    Scope scope() default Scope.DEFAULT;

    /** Sample CPU time ({@code jdk.CPUTimeSample}, JDK 25+ on Linux) instead of execution samples. */
    boolean cpuTime() default false;

    /**
     * What sampled profiles count: {@code cpu}, {@code wall}, {@code alloc} or {@code lock}; default: key
     * {@code jig.profile.event}, else {@code cpu}.
     */
    String event() default "";

    /** Which profiles to record. */
    enum Mode {
        /** From the configuration key, else {@link #EXACT}. */
        DEFAULT,
        /** Instrumented: every call of the included classes, timed, with its call tree (times are inflated). */
        EXACT,
        /** Samples of the running threads (async-profiler where it loads, else JFR); see {@code event}. */
        SAMPLED,
        /**
         * The hybrid: every call of the included classes counted exactly by a probe too small to change how the JIT
         * compiles them, time and call graph from the samples.
         */
        BOTH
    }

    /** How much of a test is profiled. */
    enum Scope {
        /** From the configuration key, else {@link #BODY}. */
        DEFAULT,
        /** The test method only. */
        BODY,
        /** The test with its setup and teardown (resources' start and stop, before/after-each methods). */
        ALL
    }
}
