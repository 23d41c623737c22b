package dev.jig.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Injects a {@link dev.jig.client.FramedClient} connected to the system or fake server of this name. The
 * client speaks the target's protocol (its framing and codec), decodes replies as the parameter's second
 * type argument, and is closed after the test, before the systems stop.
 *
 * <pre>{@code
 * @Test
 * void janeCanWithdraw(@Connect("atm") FramedClient<AtmRequest, AtmReply> atm) {
 *     assertTrue(atm.request(AtmRequest.withdraw("Jane Doe", 50)).join().success());
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Connect {

    /** The name the target was declared with, e.g. {@code "atm"}. */
    String value();

    /**
     * How long each request waits for its reply, in milliseconds; by default the configuration key
     * {@code jig.connect.timeout.millis}, else 5000.
     */
    long timeoutMillis() default -1;
}
