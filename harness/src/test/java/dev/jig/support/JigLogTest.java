package dev.jig.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class JigLogTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.clearProperty(JigLog.LEVEL_KEY);
    }

    @Test
    void infoGoesToStandardOutputWithThePrefixOnEveryLine() {
        JigLog.info("2 tests recorded\n    12.0 ms  AtmTest.janeCanWithdraw()\n");

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("[jig] 2 tests recorded\n[jig]     12.0 ms  AtmTest.janeCanWithdraw()" + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void warningsGoToStandardErrorWithTheirCause() {
        JigLog.warn("could not register atm", new java.io.IOException("disk full"));

        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("[jig] could not register atm: java.io.IOException: disk full" + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void levelWarnKeepsOnlyWarningsAndOffKeepsNothing() {
        System.setProperty(JigLog.LEVEL_KEY, "warn");
        JigLog.info("report written");
        JigLog.warn("part skipped");
        System.setProperty(JigLog.LEVEL_KEY, "off");
        JigLog.warn("not shown");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("[jig] part skipped" + System.lineSeparator());
    }
}
