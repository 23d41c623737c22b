package dev.jig.samples.adder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.client.FramedClient;
import dev.jig.junit.Connect;
import dev.jig.junit.JigTest;
import dev.jig.junit.SystemUnderTest;
import dev.jig.process.Ready;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** "Please add 3 and 4": protobuf wire format through a codec of the test's own (Codec is pluggable). */
@JigTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdderTest {

    final SystemUnderTest adder = SystemUnderTest.java("adder", AdderMain.class)
            .args("--port", "0")
            .readyWhen(Ready.logLine("adder listening on port (\\d+)"))
            .protocol(Framing.lengthPrefixed(2), new AddCodec());

    @Test
    void addsThreeAndFour(@Connect("adder") FramedClient<AddRequest, AddReply> client) {
        assertThat(client.request(new AddRequest(3, 4)).join()).isEqualTo(new AddReply(7));
    }

    @Test
    void addsNegativeAndLargeNumbers(@Connect("adder") FramedClient<AddRequest, AddReply> client) {
        assertThat(client.request(new AddRequest(-10, 3)).join()).isEqualTo(new AddReply(-7));
        assertThat(client.request(new AddRequest(Long.MAX_VALUE - 1, 1)).join())
                .isEqualTo(new AddReply(Long.MAX_VALUE));
    }
}
