package dev.jig.wire;

/**
 * Whether protobuf-java is there, checked before any protobuf type is touched, so that a missing
 * runtime gives a message naming the coordinates rather than a {@code NoClassDefFoundError}.
 */
final class ProtobufRuntime {

    /** The version Jig is built and tested with; any 4.x runtime works. */
    static final String TESTED_VERSION = "4.36.0";

    static final String MESSAGE_CLASS = "com.google.protobuf.Message";

    private ProtobufRuntime() {
    }

    /**
     * @throws CodecException naming the dependency to add if {@code loader} cannot load protobuf-java
     */
    static void require(ClassLoader loader) {
        try {
            Class.forName(MESSAGE_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new CodecException("Codec.protobuf() needs protobuf-java, which is not on the class path ("
                    + MESSAGE_CLASS + " is missing). Add the dependency com.google.protobuf:protobuf-java:"
                    + TESTED_VERSION + " (groupId com.google.protobuf, artifactId protobuf-java, version "
                    + TESTED_VERSION + "), the runtime your generated message classes were compiled against.");
        }
    }
}
