package dev.jig.samples.atm.unit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jig.samples.atm.AtmCodec;
import dev.jig.samples.atm.AtmCodec.BadRequestException;
import dev.jig.samples.atm.AtmReply;
import dev.jig.samples.atm.AtmRequest;
import org.junit.jupiter.api.Test;

class AtmCodecTest {

    @Test
    void decodesAWellFormedRequest() throws Exception {
        assertEquals(AtmRequest.withdraw("Jane Doe", 50),
                AtmCodec.decodeRequest(bytes("{\"action\":\"withdraw\",\"customer\":\"Jane Doe\",\"amount\":50}")));
    }

    @Test
    void absentFieldsDecodeAsNullAndZeroForTheTellerToRefuse() throws Exception {
        assertEquals(new AtmRequest(null, null, 0), AtmCodec.decodeRequest(bytes("{}")));
    }

    @Test
    void replyAlwaysCarriesAllThreeFields() {
        assertEquals("{\"success\":true,\"balance\":50,\"error\":null}", text(AtmCodec.encodeReply(AtmReply.ok(50))));
        assertEquals("{\"success\":false,\"balance\":0,\"error\":\"bank timed out after 1000 ms\"}",
                text(AtmCodec.encodeReply(AtmReply.failed("bank timed out after 1000 ms"))));
    }

    @Test
    void rejectsPayloadsThatAreNotRequestsWithTheReason() {
        assertBad("{\"action\":\"withdraw\",\"amount\":1.5}", "\"amount\" must be a whole number that fits 64 bits, got 1.5");
        assertBad("{\"amount\":\"5\"}", "\"amount\" must be a whole number that fits 64 bits, got \"5\"");
        assertBad("{\"amount\":99999999999999999999}", "\"amount\" must be a whole number that fits 64 bits, got 99999999999999999999");
        assertBad("{\"customer\":7}", "\"customer\" must be a string, got 7");
        assertBad("{\"action\":\"withdraw\",\"pin\":1234}", "unknown field \"pin\": expected action, customer and amount");
        assertBad("[1]", "expected a JSON object, got array [1]");
        assertBad("", "empty payload, expected a JSON object");
        assertBad("{} {}", "invalid JSON: unexpected data after the JSON object");
        assertBad("{\"action\":\"withdraw\",\"action\":\"deposit\"}", "invalid JSON: Duplicate field 'action'");
    }

    @Test
    void rejectsGarbageAndInvalidUtf8() {
        BadRequestException garbage = assertThrows(BadRequestException.class, () -> AtmCodec.decodeRequest(bytes("garbage")));
        assertEquals(true, garbage.getMessage().startsWith("invalid JSON: Unrecognized token 'garbage'"), garbage.getMessage());
        BadRequestException binary = assertThrows(BadRequestException.class,
                () -> AtmCodec.decodeRequest(new byte[] {(byte) 0xff, (byte) 0xfe}));
        assertEquals("invalid JSON: Invalid UTF-8 start byte 0xff", binary.getMessage());
    }

    private static void assertBad(String payload, String reason) {
        BadRequestException e = assertThrows(BadRequestException.class, () -> AtmCodec.decodeRequest(bytes(payload)));
        assertEquals(reason, e.getMessage());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }
}
