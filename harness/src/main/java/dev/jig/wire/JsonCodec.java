package dev.jig.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Objects;

/** JSON by Jackson. */
final class JsonCodec implements Codec {

    private final ObjectMapper mapper;

    JsonCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    static JsonCodec strict() {
        return new JsonCodec(JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build());
    }

    @Override
    public byte[] encode(Object message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new CodecException("could not encode " + typeOf(message) + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public <T> T decode(byte[] payload, Class<T> type) {
        try {
            T value = mapper.readValue(payload, type);
            if (value == null) {
                throw new CodecException("could not decode " + Payloads.typeName(type)
                        + " from JSON " + describe(payload) + ": it is null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new CodecException("could not decode " + Payloads.typeName(type) + " from JSON "
                    + describe(payload) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CodecException("could not decode " + Payloads.typeName(type) + " from "
                    + describe(payload) + ": " + e.getMessage(), e);
        }
    }

    /** Builds the type's deserializer now (a reader fetches its root deserializer as it is made). */
    @Override
    public void prepare(Class<?> type) {
        try {
            mapper.readerFor(type);
        } catch (RuntimeException e) {
            // readying is only a head start: a type Jackson cannot read fails, with its reason, when used
        }
    }

    @Override
    public boolean isWellFormed(byte[] payload) {
        try {
            JsonNode tree = mapper.readTree(payload);
            return tree != null && !tree.isMissingNode();
        } catch (IOException e) {
            return false;
        }
    }

    private static String typeOf(Object message) {
        return message == null ? "null" : message.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "json";
    }
}
