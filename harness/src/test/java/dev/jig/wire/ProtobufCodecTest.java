package dev.jig.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Int64Value;
import com.google.protobuf.RuntimeVersion;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** The protobuf codec, with protobuf's well-known types as messages (no protoc needed here). */
class ProtobufCodecTest {

    private final Codec codec = Codec.protobuf(StringValue.class, Int64Value.class);

    @Test
    void roundTripsGeneratedMessages() {
        StringValue query = StringValue.of("Jane Doe");
        byte[] payload = codec.encode(query);

        assertThat(payload).isEqualTo(query.toByteArray());
        assertThat(codec.decode(payload, StringValue.class)).isEqualTo(query);
        assertThat(codec.decode(codec.encode(Int64Value.of(-7)), Int64Value.class)).isEqualTo(Int64Value.of(-7));
    }

    @Test
    void decodesAnyGeneratedTypeNotOnlyTheShownOnes() {
        Struct struct = Struct.newBuilder().putFields("a", Value.newBuilder().setNumberValue(1).build()).build();

        assertThat(Codec.protobuf().decode(struct.toByteArray(), Struct.class)).isEqualTo(struct);
    }

    @Test
    void aPayloadOfAnotherMessageDoesNotDecodeSoStubsMatchByType() {
        byte[] text = codec.encode(StringValue.of("Jane Doe"));

        assertThatThrownBy(() -> codec.decode(text, Int64Value.class))
                .isInstanceOf(CodecException.class)
                .hasMessage("could not decode Int64Value from protobuf 0x0a084a616e6520446f65: it has field 1 "
                        + "(length-delimited) (a Int64Value has no such field of that wire type, so it is probably "
                        + "another message)");
    }

    @Test
    void unknownFieldsInsideNestedMessagesAreRejectedToo() {
        // Struct { fields: { "a": Value { <field 99> } } }: the unknown field sits two levels down.
        byte[] value = {(byte) 0x98, 0x06, 0x01}; // field 99, varint 1
        byte[] entry = concat(new byte[] {0x0a, 0x01, 'a', 0x12, (byte) value.length}, value);
        byte[] struct = concat(new byte[] {0x0a, (byte) entry.length}, entry);

        assertThatThrownBy(() -> codec.decode(struct, Struct.class))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("it has field fields.value.99 (varint)");
    }

    @Test
    void bytesThatAreNotProtobufAreNotWellFormed() {
        byte[] garbage = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

        assertThat(codec.isWellFormed(garbage)).isFalse();
        assertThat(codec.isWellFormed(codec.encode(StringValue.of("x")))).isTrue();
        assertThat(codec.isWellFormed(new byte[0])).isTrue(); // every field at its default
        assertThatThrownBy(() -> codec.decode(garbage, StringValue.class))
                .isInstanceOf(CodecException.class)
                .hasMessageStartingWith("could not decode StringValue from protobuf 0xffffff: ");
    }

    @Test
    void describesPayloadsAsTextFormatWithTheTypeName() {
        assertThat(codec.describe(codec.encode(StringValue.of("Jane Doe")))).isEqualTo("StringValue { value: \"Jane Doe\" }");
        assertThat(codec.describe(codec.encode(Int64Value.of(100)))).isEqualTo("Int64Value { value: 100 }");
        // An empty payload decodes as any type; a reply's own type says which it was.
        assertThat(codec.describe(new byte[0], Int64Value.class)).isEqualTo("Int64Value {}");
        assertThat(codec.describeMessage(StringValue.of("Jane Doe"))).isEqualTo("StringValue { value: \"Jane Doe\" }");
    }

    @Test
    void describesWithoutTypesByFieldNumberAndGarbageInHex() {
        assertThat(Codec.protobuf().describe(StringValue.of("Jane Doe").toByteArray()))
                .isEqualTo("protobuf { 1: \"Jane Doe\" }");
        assertThat(codec.describe(new byte[] {(byte) 0xFF, (byte) 0xFF})).isEqualTo("0xffff");
        assertThat(codec.describe(StringValue.of("x".repeat(300)).toByteArray()))
                .hasSize(Payloads.MAX_CHARS + "… (303 bytes)".length())
                .endsWith("xxx… (303 bytes)");
    }

    @Test
    void refusesWhatIsNotAGeneratedMessage() {
        assertThatThrownBy(() -> Codec.protobuf(String.class))
                .isInstanceOf(CodecException.class)
                .hasMessage("the protobuf codec works with generated message classes (subclasses of "
                        + "com.google.protobuf.Message with a static getDefaultInstance()), not java.lang.String");
        assertThatThrownBy(() -> codec.encode("Jane Doe"))
                .isInstanceOf(CodecException.class)
                .hasMessage("the protobuf codec encodes only protobuf messages, not java.lang.String");
        assertThatThrownBy(() -> codec.decode(new byte[0], com.google.protobuf.Message.class))
                .isInstanceOf(CodecException.class);
    }

    @Test
    void withoutProtobufJavaTheErrorNamesTheDependencyToAdd() throws Exception {
        try (URLClassLoader withoutProtobuf = new HidingClassLoader("com.google.protobuf.")) {
            assertThatThrownBy(() -> ProtobufRuntime.require(withoutProtobuf))
                    .isInstanceOf(CodecException.class)
                    .hasMessage("Codec.protobuf() needs protobuf-java, which is not on the class path "
                            + "(com.google.protobuf.Message is missing). Add the dependency "
                            + "com.google.protobuf:protobuf-java:4.36.0 (groupId com.google.protobuf, artifactId "
                            + "protobuf-java, version 4.36.0), the runtime your generated message classes were "
                            + "compiled against.");
        }
        ProtobufRuntime.require(getClass().getClassLoader()); // and with it, no complaint
    }

    @Test
    void codecProtobufChecksBeforeTouchingAnyProtobufType() throws Exception {
        // Jig's own classes loaded afresh by a loader that cannot see protobuf-java, as in a user's project.
        URL harness = Codec.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutProtobuf = new ChildFirstClassLoader(harness, "com.google.protobuf.")) {
            Class<?> codec = withoutProtobuf.loadClass(Codec.class.getName());
            assertThat(codec).isNotSameAs(Codec.class);
            Method protobuf = codec.getMethod("protobuf", Class[].class);

            assertThatThrownBy(() -> protobuf.invoke(null, (Object) new Class<?>[0]))
                    .isInstanceOf(InvocationTargetException.class)
                    .cause()
                    .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo(CodecException.class.getName()))
                    .hasMessageStartingWith("Codec.protobuf() needs protobuf-java, which is not on the class path");
            // and the other codecs work there as ever
            assertThat(codec.getMethod("json").invoke(null)).hasToString("json");
        }
    }

    @Test
    void theNamedVersionIsTheOneJigIsBuiltWith() {
        assertThat(ProtobufRuntime.TESTED_VERSION)
                .isEqualTo(RuntimeVersion.MAJOR + "." + RuntimeVersion.MINOR + "." + RuntimeVersion.PATCH);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Loads dev.jig.* itself from {@code classes}; hides {@code hidden}; the rest from the parent. */
    private static final class ChildFirstClassLoader extends URLClassLoader {
        private final String hidden;

        ChildFirstClassLoader(URL classes, String hidden) {
            super(new URL[] {classes}, ChildFirstClassLoader.class.getClassLoader());
            this.hidden = hidden;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith(hidden)) {
                    throw new ClassNotFoundException(name);
                }
                if (name.startsWith("dev.jig.")) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : findClass(name);
                }
                return super.loadClass(name, resolve);
            }
        }
    }

    /** A class loader that sees the test class path except the packages it hides. */
    private static final class HidingClassLoader extends URLClassLoader {
        private final String hidden;

        HidingClassLoader(String hidden) {
            super(new URL[0], HidingClassLoader.class.getClassLoader());
            this.hidden = hidden;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(hidden)) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
