package dev.jig.wire;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageLite;
import com.google.protobuf.TextFormat;
import com.google.protobuf.UnknownFieldSet;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Protobuf by protobuf-java's generated classes: strict (a field the type does not declare, or
 * declares with another wire type, is an error), so that fakes can match stubs by message type.
 * Messages are shown as {@code BalanceQuery { customer: "Jane Doe" }} (text format on one line).
 */
final class ProtobufCodec implements Codec {

    private static final TextFormat.Printer PRINTER = TextFormat.printer().emittingSingleLine(true);

    private static final ClassValue<Message> DEFAULT_INSTANCES = new ClassValue<>() {
        @Override
        protected Message computeValue(Class<?> type) {
            return defaultInstanceOf(type);
        }
    };

    /**
     * Once per class and JVM (a client readies its reply type at every connect): the empty payload (the default
     * instance) decoded, encoded and checked, so that protobuf's classes for it are loaded and initialised.
     */
    private static final ClassValue<Boolean> PREPARED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (!Message.class.isAssignableFrom(type)) {
                return false;
            }
            ProtobufCodec codec = new ProtobufCodec(List.of());
            try {
                codec.isWellFormed(codec.encode(codec.decode(new byte[0], type)));
                return true;
            } catch (RuntimeException e) {
                // readying is only a head start: a type that cannot be readied fails, with its reason, when used
                return false;
            }
        }
    };

    private final List<Class<? extends Message>> shownTypes;

    private ProtobufCodec(List<Class<? extends Message>> shownTypes) {
        this.shownTypes = List.copyOf(shownTypes);
    }

    /** Checks that every type is a generated message class (the caller has checked the runtime). */
    static Codec of(Class<?>... messageTypes) {
        List<Class<? extends Message>> types = new ArrayList<>();
        for (Class<?> type : messageTypes) {
            DEFAULT_INSTANCES.get(type); // fails with the reason if it is not a generated message class
            types.add(type.asSubclass(Message.class));
        }
        return new ProtobufCodec(types);
    }

    @Override
    public byte[] encode(Object message) {
        if (message instanceof MessageLite) {
            return ((MessageLite) message).toByteArray();
        }
        throw new CodecException("the protobuf codec encodes only protobuf messages, not "
                + (message == null ? "null" : message.getClass().getName()));
    }

    @Override
    public <T> T decode(byte[] payload, Class<T> type) {
        Message prototype = DEFAULT_INSTANCES.get(type);
        Message message;
        try {
            message = prototype.getParserForType().parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new CodecException("could not decode " + Payloads.typeName(type) + " from protobuf "
                    + Payloads.describe(payload) + ": " + e.getMessage(), e);
        }
        Optional<String> unknown = firstUnknownField(message, "");
        if (unknown.isPresent()) {
            throw new CodecException("could not decode " + Payloads.typeName(type) + " from protobuf "
                    + Payloads.describe(payload) + ": " + unknown.get() + " (a " + Payloads.typeName(type)
                    + " has no such field of that wire type, so it is probably another message)");
        }
        return type.cast(message);
    }

    /** Decodes the empty payload (the default instance) as {@code type} and encodes it again. */
    @Override
    public void prepare(Class<?> type) {
        PREPARED.get(type);
    }

    @Override
    public boolean isWellFormed(byte[] payload) {
        try {
            UnknownFieldSet.parseFrom(payload);
            return true;
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    /**
     * The payload as the first of the codec's message types that decodes it, else as numbered fields
     * ({@code protobuf { 1: "Jane Doe" }}), else in hex.
     */
    @Override
    public String describe(byte[] payload) {
        for (Class<? extends Message> type : shownTypes) {
            try {
                return bounded(show(decode(payload, type)), payload);
            } catch (CodecException e) {
                // not this type; try the next
            }
        }
        try {
            return bounded(braced("protobuf", PRINTER.printToString(UnknownFieldSet.parseFrom(payload))), payload);
        } catch (InvalidProtocolBufferException e) {
            return Payloads.describe(payload);
        }
    }

    @Override
    public String describe(byte[] payload, Class<?> type) {
        if (Message.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
            try {
                return bounded(show(decode(payload, type)), payload);
            } catch (RuntimeException e) {
                // not a type we can decode it as: describe it without one
            }
        }
        return describe(payload);
    }

    @Override
    public String describeMessage(Object message) {
        if (message instanceof Message) {
            return show((Message) message);
        }
        return Codec.super.describeMessage(message);
    }

    private static String show(Object message) {
        Message m = (Message) message;
        return braced(m.getDescriptorForType().getName(), PRINTER.printToString(m));
    }

    private static String braced(String name, String fields) {
        String body = fields.strip();
        return body.isEmpty() ? name + " {}" : name + " { " + body + " }";
    }

    private static String bounded(String text, byte[] payload) {
        return text.length() <= Payloads.MAX_CHARS ? text
                : text.substring(0, Payloads.MAX_CHARS) + "… (" + payload.length + " bytes)";
    }

    /** The first field that {@code message} (or a message inside it) kept as unknown, described. */
    private static Optional<String> firstUnknownField(Message message, String path) {
        Map<Integer, UnknownFieldSet.Field> unknown = message.getUnknownFields().asMap();
        if (!unknown.isEmpty()) {
            Map.Entry<Integer, UnknownFieldSet.Field> first = unknown.entrySet().iterator().next();
            return Optional.of("it has field " + path + first.getKey() + " (" + wireType(first.getValue()) + ")");
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            String inner = path + field.getKey().getName() + ".";
            List<?> values = field.getKey().isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
            for (Object value : values) {
                Optional<String> found = firstUnknownField((Message) value, inner);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String wireType(UnknownFieldSet.Field field) {
        if (!field.getVarintList().isEmpty()) {
            return "varint";
        }
        if (!field.getLengthDelimitedList().isEmpty()) {
            return "length-delimited";
        }
        if (!field.getFixed32List().isEmpty()) {
            return "fixed32";
        }
        return field.getFixed64List().isEmpty() ? "group" : "fixed64";
    }

    private static Message defaultInstanceOf(Class<?> type) {
        String problem = "the protobuf codec works with generated message classes (subclasses of "
                + "com.google.protobuf.Message with a static getDefaultInstance()), not " + type.getName();
        if (!Message.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            throw new CodecException(problem);
        }
        try {
            Method getDefaultInstance = type.getMethod("getDefaultInstance");
            return (Message) getDefaultInstance.invoke(null);
        } catch (ReflectiveOperationException | ClassCastException | NullPointerException e) {
            throw new CodecException(problem, e);
        }
    }

    @Override
    public String toString() {
        return "protobuf";
    }
}
