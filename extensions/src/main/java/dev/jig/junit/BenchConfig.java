package dev.jig.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Options of the {@link dev.jig.bench.Bench} injected into a test, on the test method or its class (the
 * method's wins, then the class's, then the {@code jig.bench.*} configuration keys, then the defaults).
 * Empty or zero attributes leave the option to the next level.
 *
 * <pre>{@code
 * @Test
 * @BenchConfig(group = "codec", warmup = "5 rounds", maxTime = "1s", threshold = "median:5%")
 * void encode(Bench bench) {
 *     bench.run("encode", () -> codec.encode(message));
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface BenchConfig {

    /** The group benchmarks are compared within ({@code jig.bench.group}). */
    String group() default "";

    /** Warmup as a time ({@code "200ms"}, {@code "1s"}) or rounds ({@code "5 rounds"}) ({@code jig.bench.warmup}). */
    String warmup() default "";

    /** The fewest measured rounds ({@code jig.bench.minRounds}); 0 leaves it to the next level. */
    int minRounds() default 0;

    /** The shortest a round may last, e.g. {@code "1ms"} ({@code jig.bench.minTime}). */
    String minTime() default "";

    /** How long to keep measuring, e.g. {@code "500ms"} ({@code jig.bench.maxTime}). */
    String maxTime() default "";

    /** {@code wall} or {@code cpu} ({@code jig.bench.timer}). */
    String timer() default "";

    /** Ask for a garbage collection before every round ({@code jig.bench.gc}). */
    boolean gcBetweenRounds() default false;

    /** The regression threshold for this test's benchmarks, e.g. {@code "mean:10%"} ({@code jig.bench.threshold}; default {@code median:5%}). */
    String threshold() default "";
}
