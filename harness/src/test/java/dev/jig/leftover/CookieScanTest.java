package dev.jig.leftover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(value = OS.LINUX, disabledReason = "the cookie is read from /proc")
@Timeout(60)
class CookieScanTest {

    @Test
    void findsTheProcessesThatCarryACookieAndNoOthers() throws Exception {
        Cookie mine = Cookie.next("scan", Path.of("/tmp/scan-test"));
        Cookie other = Cookie.next("scan", Path.of("/tmp/scan-test"));
        Process carrier = start(mine.appendTo(other.text()), "2001.417");
        Process stranger = start(other.text(), "2002.417");
        Process plain = start(null, "2003.417");
        try {
            assertThat(CookieScan.carriersOf(mine)).containsExactly(carrier.toHandle());
            assertThat(CookieScan.carriersOf(other)).containsExactlyInAnyOrder(carrier.toHandle(),
                    stranger.toHandle());
            assertThat(CookieScan.carriers(c -> c.registry().equals(mine.registry())))
                    .extracting(CookieScan.Carrier::process)
                    .containsExactlyInAnyOrder(carrier.toHandle(), stranger.toHandle())
                    .doesNotContain(plain.toHandle());
        } finally {
            List.of(carrier, stranger, plain).forEach(Process::destroyForcibly);
        }
    }

    @Test
    void neverListsThisJvm() {
        assertThat(CookieScan.carriers(c -> true)).extracting(c -> c.process().pid())
                .doesNotContain(ProcessHandle.current().pid());
    }

    private static Process start(String cookie, String seconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sleep", seconds);
        builder.environment().remove(Cookie.VARIABLE);
        if (cookie != null) {
            builder.environment().put(Cookie.VARIABLE, cookie);
        }
        return builder.start();
    }
}
