package com.example.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.client.FramedClient;
import dev.jig.junit.Connect;
import dev.jig.junit.FakeServer;
import dev.jig.junit.JigTest;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import org.junit.jupiter.api.Test;

/** The second module of the build: its tests land in the same report as the greeter's. */
@JigTest
class DirectoryFakeTest {

    final FakeServer directory = FakeServer.tcp("directory")
            .framing(Framing.newlineDelimited())
            .codec(Codec.text())
            .respond(String.class, name -> name.equals("Jane") ? "Dr." : "");

    @Test
    void answersWithATitle(@Connect("directory") FramedClient<String, String> client) {
        assertThat(client.request("Jane").join()).isEqualTo("Dr.");
        assertThat(client.request("Sam").join()).isEmpty();
    }
}
