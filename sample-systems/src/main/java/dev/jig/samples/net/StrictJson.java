package dev.jig.samples.net;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON that rejects garbage: duplicate keys, trailing tokens and non-objects are errors.
 *
 * <pre>{@code
 * ObjectNode request = StrictJson.parseObject(payload);   // throws StrictJson.InvalidJsonException
 * byte[] bytes = StrictJson.write(new Balance(100));
 * }</pre>
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /** Parses a UTF-8 payload that must hold exactly one JSON object. */
    public static ObjectNode parseObject(byte[] payload) throws InvalidJsonException {
        JsonNode node;
        try {
            node = MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException("invalid JSON: " + describe(e));
        } catch (IOException e) {
            throw new InvalidJsonException("invalid JSON: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidJsonException("empty payload, expected a JSON object");
        }
        if (!node.isObject()) {
            throw new InvalidJsonException("expected a JSON object, got " + node.getNodeType().name().toLowerCase()
                    + " " + abbreviate(node.toString()));
        }
        return (ObjectNode) node;
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        // Jackson's trailing-token text talks about its own configuration; say what matters to a sender.
        return message.startsWith("Trailing token") ? "unexpected data after the JSON object" : message;
    }

    /** Serialises a value (typically a record) as UTF-8 JSON. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            // Only our own records are written; failing here is a programming error.
            throw new UncheckedIOException(e);
        }
    }

    /** Shortens text for error messages, so one huge payload does not flood the log. */
    public static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    /** The payload was not a single well-formed JSON object; the message says why. */
    public static final class InvalidJsonException extends Exception {
        public InvalidJsonException(String message) {
            super(message);
        }
    }
}
