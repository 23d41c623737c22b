package dev.jig.samples.adder;

/** A payload that is not valid protobuf wire format for the expected message; the message says where. */
public final class ProtoWireException extends IllegalArgumentException {
    public ProtoWireException(String message) {
        super(message);
    }
}
