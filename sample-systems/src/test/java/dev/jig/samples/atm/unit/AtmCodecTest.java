package dev.jig.samples.atm.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.UnknownFieldSet;
import dev.jig.samples.atm.Action;
import dev.jig.samples.atm.AtmCodec;
import dev.jig.samples.atm.AtmCodec.BadRequestException;
import dev.jig.samples.atm.AtmMessages;
import dev.jig.samples.atm.AtmReply;
import dev.jig.samples.atm.AtmRequest;
import org.junit.jupiter.api.Test;

class AtmCodecTest {

    @Test
    void decodesAWellFormedRequest() throws Exception {
        AtmRequest request = AtmMessages.withdraw("Jane Doe", 50);

        assertThat(AtmCodec.decodeRequest(request.toByteArray())).isEqualTo(request);
    }

    @Test
    void absentFieldsDecodeAsDefaultsForTheTellerToRefuse() throws Exception {
        AtmRequest empty = AtmCodec.decodeRequest(new byte[0]);

        assertThat(empty.getAction()).isEqualTo(Action.ACTION_UNSPECIFIED);
        assertThat(empty.getCustomer()).isEmpty();
        assertThat(empty.getAmount()).isZero();
    }

    @Test
    void repliesRoundTrip() throws Exception {
        AtmReply failed = AtmMessages.failed("bank timed out after 1000 ms");

        assertThat(AtmReply.parseFrom(AtmCodec.encodeReply(failed))).isEqualTo(failed);
        assertThat(AtmReply.parseFrom(AtmCodec.encodeReply(AtmMessages.ok(50))).getBalance()).isEqualTo(50);
    }

    @Test
    void aFieldTheRequestDoesNotDeclareIsABadRequest() {
        byte[] withPin = AtmMessages.withdraw("Jane Doe", 5).toBuilder()
                .setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(9, UnknownFieldSet.Field.newBuilder().addVarint(1234).build()).build())
                .build().toByteArray();

        assertThatThrownBy(() -> AtmCodec.decodeRequest(withPin))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("unknown field 9 in AtmRequest: expected action = 1, customer = 2, amount = 3");
    }

    @Test
    void aFieldOfTheWrongWireTypeIsABadRequest() {
        byte[] customerAsNumber = {0x10, 0x07}; // field 2 (customer, a string) as a varint

        assertThatThrownBy(() -> AtmCodec.decodeRequest(customerAsNumber))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("unknown field 2 in AtmRequest: expected action = 1, customer = 2, amount = 3");
    }

    @Test
    void bytesThatAreNotProtobufAreABadRequestWithTheReason() {
        assertThatThrownBy(() -> AtmCodec.decodeRequest(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("not a valid AtmRequest: ");
        assertThatThrownBy(() -> AtmCodec.decodeRequest(new byte[] {0x12, 0x10, 'J'})) // a string cut short
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("not a valid AtmRequest: ");
    }
}
