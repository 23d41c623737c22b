package dev.jig.samples.adder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.client.FramedClient;
import dev.jig.junit.Connect;
import dev.jig.junit.JigTest;
import dev.jig.junit.SystemUnderTest;
import dev.jig.system.Ready;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** "Please add 3 and 4": protobuf messages ({@code adder.proto}) through Jig's protobuf codec. */
@JigTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdderTest {

    final SystemUnderTest adder = SystemUnderTest.java("adder", AdderMain.class)
            .args("--port", "0")
            .readyWhen(Ready.logLine("adder listening on port (\\d+)"))
            .protocol(Framing.lengthPrefixed(2), Codec.protobuf(AddRequest.class, AddReply.class));

    @Test
    void addsThreeAndFour(@Connect("adder") FramedClient<AddRequest, AddReply> client) {
        assertThat(client.request(add(3, 4)).join()).isEqualTo(sum(7));
    }

    @Test
    void addsNegativeAndLargeNumbers(@Connect("adder") FramedClient<AddRequest, AddReply> client) {
        assertThat(client.request(add(-10, 3)).join()).isEqualTo(sum(-7));
        assertThat(client.request(add(Long.MAX_VALUE - 1, 1)).join()).isEqualTo(sum(Long.MAX_VALUE));
    }

    @Test
    void theSumWrapsAroundOnOverflowAsInt64AdditionDoes(@Connect("adder") FramedClient<AddRequest, AddReply> client) {
        assertThat(client.request(add(Long.MAX_VALUE, 1)).join()).isEqualTo(sum(Long.MIN_VALUE));
    }

    private static AddRequest add(long a, long b) {
        return AddRequest.newBuilder().setA(a).setB(b).build();
    }

    private static AddReply sum(long sum) {
        return AddReply.newBuilder().setSum(sum).build();
    }
}
