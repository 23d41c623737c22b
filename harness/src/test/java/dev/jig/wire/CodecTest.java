package dev.jig.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodecTest {

    record BalanceQuery(String customer) {
    }

    @Test
    void jsonRoundTripsRecords() {
        Codec json = Codec.json();
        byte[] payload = json.encode(new BalanceQuery("Jane Doe"));
        assertEquals("{\"customer\":\"Jane Doe\"}", new String(payload, UTF_8));
        assertEquals(new BalanceQuery("Jane Doe"), json.decode(payload, BalanceQuery.class));
    }

    @Test
    void jsonRejectsUnknownProperties() {
        byte[] payload = "{\"customer\":\"Jane\",\"amount\":5}".getBytes(UTF_8);
        CodecException e = assertThrows(CodecException.class,
                () -> Codec.json().decode(payload, BalanceQuery.class));
        assertTrue(e.getMessage().startsWith(
                "could not decode BalanceQuery from JSON {\"customer\":\"Jane\",\"amount\":5}: "),
                e.getMessage());
    }

    @Test
    void jsonRejectsMissingRecordProperties() {
        byte[] payload = "{\"customer\":\"Jane\"}".getBytes(UTF_8);
        assertThrows(CodecException.class, () -> Codec.json().decode(payload, Deposit.class));
    }

    @Test
    void jsonRejectsTrailingTokens() {
        byte[] payload = "{\"customer\":\"Jane\"} {}".getBytes(UTF_8);
        assertThrows(CodecException.class, () -> Codec.json().decode(payload, BalanceQuery.class));
    }

    @Test
    void jsonWellFormednessIsAboutSyntaxNotType() {
        assertTrue(Codec.json().isWellFormed("{\"oops\":1}".getBytes(UTF_8)));
        assertFalse(Codec.json().isWellFormed("{oops".getBytes(UTF_8)));
        assertFalse(Codec.json().isWellFormed(new byte[0]));
    }

    @Test
    void textCodecHandlesOnlyStrings() {
        assertArrayEquals("héllo".getBytes(UTF_8), Codec.text().encode("héllo"));
        assertEquals("héllo", Codec.text().decode("héllo".getBytes(UTF_8), String.class));
        CodecException e = assertThrows(CodecException.class, () -> Codec.text().encode(42));
        assertEquals("the text codec encodes only String, not java.lang.Integer", e.getMessage());
        assertThrows(CodecException.class,
                () -> Codec.text().decode(new byte[] {(byte) 0xC3}, String.class));
    }

    @Test
    void bytesCodecHandlesOnlyByteArrays() {
        byte[] payload = {1, 2, 3};
        assertArrayEquals(payload, Codec.bytes().encode(payload));
        assertArrayEquals(payload, Codec.bytes().decode(payload, byte[].class));
        CodecException e = assertThrows(CodecException.class,
                () -> Codec.bytes().decode(payload, String.class));
        assertEquals("the bytes codec decodes only byte[], not String (payload 0x010203)",
                e.getMessage());
    }

    @Test
    void describeShowsTextOrHexAndIsBounded() {
        Codec codec = Codec.bytes();
        assertEquals("hello", codec.describe("hello".getBytes(UTF_8)));
        assertEquals("0x00ff10", codec.describe(new byte[] {0, (byte) 0xFF, 0x10}));
        assertEquals("(empty)", codec.describe(new byte[0]));
        String described = codec.describe("x".repeat(1000).getBytes(UTF_8));
        assertEquals("x".repeat(200) + "… (1000 bytes)", described);
        String hex = codec.describe(new byte[500]);
        assertEquals("0x" + "00".repeat(100) + "… (500 bytes)", hex);
    }

    @Test
    void customBinaryCodecPlugsIn() {
        Codec codec = new DepositCodec();
        byte[] payload = codec.encode(new Deposit("Jo", 300));
        assertEquals(new Deposit("Jo", 300), codec.decode(payload, Deposit.class));
        assertTrue(codec.isWellFormed(payload));
        assertFalse(codec.isWellFormed(new byte[] {9}));
        assertThrows(CodecException.class, () -> codec.decode(payload, BalanceQuery.class));
    }
}
