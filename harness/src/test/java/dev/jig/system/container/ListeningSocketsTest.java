package dev.jig.system.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

    @Test
    void onlyListeningRowsCountWithTheirPortInHex() {
        Set<Integer> ports = new HashSet<>();
        ListeningSockets.parse(List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1",
                "   1: 0100007F:1267 0100007F:A2B4 01 00000000:00000000 00:00000000 00000000     0        0 2",
                "   2: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A 0 0 0 0 0"),
                ports);

        assertThat(ports).containsExactlyInAnyOrder(8080, 80);
    }

    @Test
    void aServerOfThisProcessIsSeenThroughProc() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(ListeningSockets.of(ProcessHandle.current().pid()))
                    .hasValueSatisfying(listening -> assertThat(listening).contains(server.getLocalPort()));
        }
    }

    @Test
    void aProcessThatDoesNotExistIsUnknownNotEmpty() {
        assertThat(ListeningSockets.of(Long.MAX_VALUE)).isEmpty();
    }
}
