package dev.jig.fake;

/** The bank's messages, as the seed example has them. */
final class Messages {

    private Messages() {
    }

    record BalanceQuery(String customer) {
    }

    record Balance(int balance) {
    }

    record Deposit(String customer, int amount) {
    }
}
