package dev.jig.wire;

/** A message for codec tests, shared with the client's pluggability test. */
public record Deposit(String customer, int amount) {
}
