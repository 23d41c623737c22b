package dev.jig.junit;

import dev.jig.junit.internal.JigExtension;
import dev.jig.junit.internal.ProfilingExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a test class a Jig bench: its {@link FakeServer}, {@link SystemUnderTest} and {@link Client}
 * fields are started before each test (instance fields) or once before all tests ({@code static} fields),
 * in declaration order — a resource whose address another needs is started first — and stopped in reverse
 * order afterwards, also when the test fails. {@link Connect} parameters get a connected client, and the
 * run is recorded into {@code results.json}.
 *
 * <pre>{@code
 * @JigTest
 * class AtmTest {
 *     static final FakeServer bank = FakeServer.tcp("bank").respond(BalanceQuery.class, q -> new Balance(100));
 *     final SystemUnderTest atm = SystemUnderTest.java("atm", AtmMain.class)
 *             .args("--bank", bank, "--port", "0")   // bank stands for its host:port
 *             .readyWhen(Ready.logLine("listening on port (\\d+)"));
 *
 *     @Test
 *     void janeCanWithdraw(@Connect("atm") FramedClient<AtmRequest, AtmReply> atm) { ... }
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({ProfilingExtension.class, JigExtension.class})
public @interface JigTest {
}
