package dev.jig.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.client.FramedClient;
import dev.jig.fake.Messages.Balance;
import dev.jig.fake.Messages.BalanceQuery;
import dev.jig.support.IoThreads;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What close() guarantees though it waits for no connection thread, and that threads are given back. */
@Timeout(60)
class FakeTcpServerCloseTest {

    private static final FakeTcpServerSpec BANK = FakeTcpServer.spec("bank")
            .respond(BalanceQuery.class, q -> new Balance(100));

    @Test
    void afterCloseThePortRefusesConnectionsAndOpenOnesSeeTheEnd() throws Exception {
        for (int round = 0; round < 50; round++) { // the accept thread is mid-accept() at close: no window left
            FakeTcpServer bank = BANK.start();
            try (RawClient client = new RawClient(bank)) {
                client.send(new BalanceQuery("Jane Doe"));
                assertThat(client.receive()).isEqualTo("{\"balance\":100}");
                bank.close();

                assertThat(client.receive()).as("round %d: the open connection ends", round).isNull();
                assertThatThrownBy(() -> new Socket("127.0.0.1", bank.port()).close())
                        .as("round %d: the port is closed", round).isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void closedConnectionsGiveTheirThreadsBack() throws Exception {
        int connections = 30;
        try (FakeTcpServer bank = FakeTcpServer.spec("threads").respond(BalanceQuery.class, q -> new Balance(1))
                .start()) {
            servedAndClosed(bank, connections);
            int afterFirstRound = IoThreads.threads();
            for (int round = 0; round < 3; round++) {
                servedAndClosed(bank, connections);
            }
            assertThat(IoThreads.threads()).as("threads are reused, not added per connection")
                    .isLessThanOrEqualTo(afterFirstRound + 5).isLessThanOrEqualTo(IoThreads.MAX_THREADS);
        }
    }

    @Test
    void aClosedClientGivesItsReaderThreadBack() throws Exception {
        try (FakeTcpServer bank = BANK.start()) {
            List<FramedClient<BalanceQuery, Balance>> clients = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                FramedClient<BalanceQuery, Balance> client = FramedClient.builder(Balance.class)
                        .name("reader-check").connect(bank.host(), bank.port());
                client.request(new BalanceQuery("Jane Doe")).join();
                clients.add(client);
            }
            assertThat(threadsNamed("jig-client-reader-check")).isEqualTo(10);
            clients.forEach(FramedClient::close);
            awaitNoThreadNamed("jig-client-reader-check");
        }
    }

    /** Opens {@code n} connections at once, answers a request on each, closes them and waits for their threads. */
    private static void servedAndClosed(FakeTcpServer bank, int n) throws IOException, InterruptedException {
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                RawClient client = new RawClient(bank);
                clients.add(client);
                client.send(new BalanceQuery("c" + i));
                assertThat(client.receive()).isEqualTo("{\"balance\":1}");
            }
            assertThat(threadsNamed("jig-fake-threads-conn-")).isEqualTo(n);
        } finally {
            for (RawClient client : clients) {
                client.close();
            }
        }
        awaitNoThreadNamed("jig-fake-threads-conn-");
    }

    private static void awaitNoThreadNamed(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (threadsNamed(prefix) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(threadsNamed(prefix)).as("threads still serving closed connections (%s*)", prefix).isZero();
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }
}
