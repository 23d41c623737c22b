package dev.jig.samples.adder;

/**
 * "Please add 3 and 4": protobuf {@code message AddRequest { int64 a = 1; int64 b = 2; }}.
 *
 * <pre>{@code
 * byte[] payload = ProtoWire.encode(new AddRequest(3, 4));   // 08 03 10 04
 * }</pre>
 */
public record AddRequest(long a, long b) {
}
