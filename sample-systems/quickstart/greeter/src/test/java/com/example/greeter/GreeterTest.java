package com.example.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.client.FramedClient;
import dev.jig.junit.Connect;
import dev.jig.junit.FakeServer;
import dev.jig.junit.JigTest;
import dev.jig.junit.Profile;
import dev.jig.junit.SystemUnderTest;
import dev.jig.system.Ready;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.util.Map;
import org.junit.jupiter.api.Test;

@JigTest
@Profile(include = "com.example.greeter", exclude = "com.example.greeter.GreeterTest")   // exact profile
class GreeterTest {

    static final Map<String, String> TITLES = Map.of("Jane", "Dr.");

    // A fake TCP server: the directory the greeter asks for titles, one name per line.
    final FakeServer directory = FakeServer.tcp("directory")
            .framing(Framing.newlineDelimited())
            .codec(Codec.text())
            .respond(String.class, name -> TITLES.getOrDefault(name, ""));

    // The system under test: a Python script, ready when it prints the port it listens on; @Connect clients
    // speak its protocol (the default is 2-byte length-prefixed JSON).
    final SystemUnderTest greeter = SystemUnderTest.command("greeter", "python3", "greeter.py")
            .args("--directory", directory)
            .readyWhen(Ready.logLine("listening on port (\\d+)"))
            .protocol(Framing.newlineDelimited(), Codec.text());

    @Test
    void greetsJaneWithHerTitle(@Connect("greeter") FramedClient<String, String> client) {
        Greeting greeting = Greeting.parse(client.request("Jane").join());

        assertThat(greeting).isEqualTo(new Greeting("Dr.", "Jane"));
        directory.verify().received("Jane");
    }

    @Test
    void greetsAStrangerWithoutATitle(@Connect("greeter") FramedClient<String, String> client) {
        for (int i = 0; i < 100; i++) {
            assertThat(Greeting.parse(client.request("Sam").join())).isEqualTo(new Greeting("", "Sam"));
        }
    }
}
