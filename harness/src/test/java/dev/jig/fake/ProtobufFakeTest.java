package dev.jig.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Int64Value;
import com.google.protobuf.StringValue;
import dev.jig.client.FramedClient;
import dev.jig.wire.Codec;
import dev.jig.wire.CodecException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A fake and a client speaking protobuf: stubs by message type, readable journals and failures. */
@Timeout(30)
class ProtobufFakeTest {

    private static final Codec PROTOBUF = Codec.protobuf(StringValue.class, Int64Value.class);

    // Two request types: a name asks for a balance, a number echoes its double.
    private static final FakeTcpServerSpec BANK = FakeTcpServer.spec("bank")
            .codec(PROTOBUF)
            .respond(Int64Value.class, n -> Int64Value.of(n.getValue() * 2))
            .respond(StringValue.class, name -> Int64Value.of(name.getValue().equals("Jane Doe") ? 100 : 0));

    @Test
    void eachRequestGoesToTheStubOfItsMessageType() {
        try (FakeTcpServer bank = BANK.start();
             FramedClient<Object, Int64Value> client = FramedClient.builder(Int64Value.class)
                     .codec(PROTOBUF).connect(bank.host(), bank.port())) {
            assertThat(client.request(StringValue.of("Jane Doe")).join()).isEqualTo(Int64Value.of(100));
            assertThat(client.request(Int64Value.of(21)).join()).isEqualTo(Int64Value.of(42));
            assertThat(client.request(StringValue.of("Anonymous")).join()).isEqualTo(Int64Value.of(0));

            bank.verify().received(StringValue.of("Jane Doe")).received(Int64Value.of(21)).noUnmatched()
                    .noProtocolErrors();
        }
    }

    @Test
    void theJournalShowsMessagesAsTextFormat() {
        try (FakeTcpServer bank = BANK.start();
             FramedClient<Object, Int64Value> client = FramedClient.builder(Int64Value.class)
                     .codec(PROTOBUF).connect(bank.host(), bank.port())) {
            client.request(StringValue.of("Jane Doe")).join();
            client.request(StringValue.of("Anonymous")).join(); // the reply, balance 0, is an empty payload

            assertThat(bank.journal().requests()).extracting(RecordedRequest::formatted).containsExactly(
                    "#1 conn 1 StringValue { value: \"Jane Doe\" } -> replied Int64Value { value: 100 }",
                    "#2 conn 1 StringValue { value: \"Anonymous\" } -> replied Int64Value {}");
        }
    }

    @Test
    void aFailedVerificationShowsTheExpectedMessageAndTheJournal() {
        try (FakeTcpServer bank = BANK.start();
             FramedClient<Object, Int64Value> client = FramedClient.builder(Int64Value.class)
                     .codec(PROTOBUF).connect(bank.host(), bank.port())) {
            client.request(StringValue.of("John Doe")).join();

            assertThatThrownBy(() -> bank.verify(Duration.ofMillis(50)).received(StringValue.of("Jane Doe")))
                    .isInstanceOf(VerificationException.class)
                    .hasMessage("bank did not receive StringValue { value: \"Jane Doe\" } within 50 ms.\n"
                            + "It received 1 request:\n"
                            + "  #1 conn 1 StringValue { value: \"John Doe\" } -> replied Int64Value {}\n"
                            + "Protocol errors: none");
        }
    }

    @Test
    void bytesThatAreNotProtobufAreAProtocolError() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            client.sendPayload(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            client.sendPayload(StringValue.of("Jane Doe").toByteArray()); // the connection is still served
            assertThat(client.receive()).isNotNull();

            assertThat(bank.journal().protocolErrors()).singleElement().satisfies(error -> {
                assertThat(error.kind()).isEqualTo(ProtocolError.Kind.UNDECODABLE);
                assertThat(error.detail()).startsWith("request #1 0xffffff is not well-formed for the codec and "
                        + "no stub could decode it (could not decode Int64Value from protobuf 0xffffff: ");
            });
            assertThat(bank.journal().requests().get(0).formatted())
                    .isEqualTo("#1 conn 1 0xffffff -> UNMATCHED (undecodable)");
        }
    }

    @Test
    void wellFormedProtobufNoStubDecodesIsUnmatchedNotAProtocolError() {
        FakeTcpServerSpec onlyNumbers = FakeTcpServer.spec("bank").codec(PROTOBUF)
                .respond(Int64Value.class, n -> n);
        try (FakeTcpServer bank = onlyNumbers.start();
             FramedClient<Object, Int64Value> client = FramedClient.builder(Int64Value.class)
                     .codec(PROTOBUF).timeout(Duration.ofMillis(200)).connect(bank.host(), bank.port())) {
            assertThatThrownBy(() -> client.request(StringValue.of("Jane Doe")).join())
                    .isInstanceOf(CompletionException.class);

            assertThat(bank.journal().unmatched()).extracting(RecordedRequest::formatted)
                    .containsExactly("#1 conn 1 StringValue { value: \"Jane Doe\" } -> UNMATCHED");
            assertThat(bank.journal().protocolErrors()).isEmpty();
        }
    }

    @Test
    void aReplyOfAnotherTypeFailsTheClientsRequestWithTheReason() {
        FakeTcpServerSpec wrongReply = FakeTcpServer.spec("bank").codec(PROTOBUF)
                .respond(StringValue.class, name -> name); // answers a StringValue where Int64Value is expected
        try (FakeTcpServer bank = wrongReply.start();
             FramedClient<Object, Int64Value> client = FramedClient.builder(Int64Value.class)
                     .codec(PROTOBUF).connect(bank.host(), bank.port())) {
            assertThatThrownBy(() -> client.request(StringValue.of("Jane Doe")).join())
                    .hasCauseInstanceOf(CodecException.class)
                    .cause().hasMessageContaining("could not decode Int64Value from protobuf");
        }
    }
}
