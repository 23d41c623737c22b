/**
 * How bytes become messages, shared by fake servers and clients: a {@link dev.jig.wire.Framing}
 * cuts a byte stream into frames, a {@link dev.jig.wire.Codec} turns a frame's payload into a
 * message and back: {@code Codec.json()}, {@code Codec.protobuf(…)} (protobuf-java, optional),
 * {@code Codec.text()}, {@code Codec.bytes()}.
 */
package dev.jig.wire;
