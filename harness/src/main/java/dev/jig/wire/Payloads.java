package dev.jig.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Describes payloads for people: text when it is text, hex otherwise, always bounded. */
final class Payloads {

    static final int MAX_CHARS = 200;

    private Payloads() {
    }

    static String describe(byte[] payload) {
        if (payload.length == 0) {
            return "(empty)";
        }
        Optional<String> text = printableText(payload);
        if (text.isPresent()) {
            String s = text.get();
            return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + suffix(payload);
        }
        int shown = Math.min(payload.length, MAX_CHARS / 2);
        StringBuilder hex = new StringBuilder("0x");
        for (int i = 0; i < shown; i++) {
            hex.append(Character.forDigit((payload[i] >> 4) & 0xF, 16))
                    .append(Character.forDigit(payload[i] & 0xF, 16));
        }
        return shown == payload.length ? hex.toString() : hex + suffix(payload);
    }

    private static String suffix(byte[] payload) {
        return "… (" + payload.length + " bytes)";
    }

    /** The payload as text if it is valid UTF-8 without control characters (tabs allowed). */
    static Optional<String> printableText(byte[] payload) {
        Optional<String> text = utf8(payload);
        if (text.isEmpty()) {
            return text;
        }
        boolean printable = text.get().chars()
                .allMatch(c -> c == '\t' || !Character.isISOControl(c));
        return printable ? text : Optional.empty();
    }

    static Optional<String> utf8(byte[] payload) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static String typeName(Class<?> type) {
        return type.isArray() ? type.getComponentType().getSimpleName() + "[]"
                : type.getSimpleName();
    }
}
