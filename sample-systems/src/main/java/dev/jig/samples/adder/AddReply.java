package dev.jig.samples.adder;

/**
 * The sum: protobuf {@code message AddReply { int64 sum = 1; }}.
 *
 * <pre>{@code
 * AddReply reply = ProtoWire.decodeReply(payload);   // reply.sum() == 7
 * }</pre>
 */
public record AddReply(long sum) {
}
