package dev.jig.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.jig.client.FramedClient;
import dev.jig.fake.Messages.Balance;
import dev.jig.fake.Messages.BalanceQuery;
import dev.jig.wire.Codec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A fake readies its stubs' types as it starts, a client its reply type as it connects: first answers are not slow. */
class CodecPrepareTest {

    /** JSON, noting every type it is asked to ready. */
    static final class Noting implements Codec {
        final List<Class<?>> prepared = new CopyOnWriteArrayList<>();
        private final Codec json = Codec.json();

        @Override
        public byte[] encode(Object message) {
            return json.encode(message);
        }

        @Override
        public <T> T decode(byte[] payload, Class<T> type) {
            return json.decode(payload, type);
        }

        @Override
        public void prepare(Class<?> type) {
            prepared.add(type);
            json.prepare(type);
        }
    }

    @Test
    void stubTypesAreReadiedAtStartAndTheReplyTypeAtConnect() {
        Noting fakeCodec = new Noting();
        Noting clientCodec = new Noting();
        try (FakeTcpServer bank = FakeTcpServer.spec("bank").codec(fakeCodec)
                .respond(BalanceQuery.class, q -> new Balance(100)).start()) {
            assertThat(fakeCodec.prepared).containsExactly(BalanceQuery.class);
            bank.respond(String.class, text -> text);
            assertThat(fakeCodec.prepared).containsExactly(BalanceQuery.class, String.class);

            try (FramedClient<BalanceQuery, Balance> client = FramedClient.<BalanceQuery, Balance>builder(Balance.class)
                    .codec(clientCodec).connect(bank.host(), bank.port())) {
                assertThat(clientCodec.prepared).containsExactly(Balance.class);
                assertThat(client.request(new BalanceQuery("Jane Doe")).join()).isEqualTo(new Balance(100));
            }
        }
    }

    @Test
    void readyingATypeACodecCannotHandleNeverFails() {
        assertThatCode(() -> Codec.protobuf().prepare(BalanceQuery.class)).doesNotThrowAnyException();
        assertThatCode(() -> Codec.json().prepare(Thread.class)).doesNotThrowAnyException();
        assertThatCode(() -> Codec.bytes().prepare(byte[].class)).doesNotThrowAnyException();
    }
}
