package dev.jig.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Post-mortem: when a test of a {@link JigTest} class (on the class) or this test (on the method) fails, its
 * systems, fakes and proxies stay up. Jig prints how to reach each — address, pid, last lines of output, a
 * ready-to-paste {@code nc} or {@code curl} line — also into {@code post-mortem.txt} in the report directory, and
 * waits for Enter on the console (IDE and terminal runs), a file named {@code continue} in the report directory,
 * or the timeout; then it cleans up as always. The same as the key {@code jig.keepOnFailure=true}.
 *
 * <p>Ignored under {@code CI=true}, so that CI never waits, unless {@link #force()} (or
 * {@code jig.keepOnFailure=force}).
 *
 * <pre>{@code
 * @JigTest
 * @KeepOnFailure(timeout = "30 m")
 * class AtmTest { ... }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface KeepOnFailure {

    /** The configuration key: {@code true}, {@code false} (the default) or {@code force} (also under CI). */
    String KEY = "jig.keepOnFailure";

    /** The configuration key of the longest wait, a duration such as {@code 10 m} (the default). */
    String TIMEOUT_KEY = "jig.keepOnFailure.timeout";

    /** How long to wait at most, e.g. {@code "30 m"}; empty: {@value #TIMEOUT_KEY}, else 10 minutes. */
    String timeout() default "";

    /** Whether to hold also under {@code CI=true}. */
    boolean force() default false;
}
