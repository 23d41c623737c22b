package dev.jig.samples.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.client.FramedClient;
import dev.jig.junit.Client;
import dev.jig.junit.Connect;
import dev.jig.junit.JigTest;
import dev.jig.junit.SystemUnderTest;
import dev.jig.system.Ready;
import dev.jig.samples.SamplePaths;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The select-based echo server from the async notes: one server for the whole class (a static field). */
@JigTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoServerTest {

    static final SystemUnderTest echo = SystemUnderTest
            .command("echo", "python3", "-u", SamplePaths.python("echo_server.py"), "--port", "0")
            .readyWhen(Ready.logLine("Server listening on 127\\.0\\.0\\.1:(\\d+)"))
            .protocol(Framing.newlineDelimited(), Codec.text());

    // A client declared as a field: connected after the server is ready, closed before it stops.
    static final Client<String, String> client = Client.to(echo, String.class);

    @Test
    void aFieldClientTalksToo() {
        assertThat(client.request("from a field").join()).isEqualTo("Echo : from a field");
    }

    @Test
    void echoesALine(@Connect("echo") FramedClient<String, String> client) {
        assertThat(client.request("hello").join()).isEqualTo("Echo : hello");
    }

    @Test
    void servesSeveralClientsAtOnce(@Connect("echo") FramedClient<String, String> first,
                                    @Connect("echo") FramedClient<String, String> second) {
        var a = first.request("from the first");
        var b = second.request("from the second");
        var c = first.request("first again");

        assertThat(a.join()).isEqualTo("Echo : from the first");
        assertThat(b.join()).isEqualTo("Echo : from the second");
        assertThat(c.join()).isEqualTo("Echo : first again");
    }

    @Test
    void logsWhatItReceived(@Connect("echo") FramedClient<String, String> client) {
        client.request("note this").join();

        assertThat(echo.output().awaitLine("Received : note this", java.time.Duration.ofSeconds(5)).text())
                .contains("note this");
    }
}
