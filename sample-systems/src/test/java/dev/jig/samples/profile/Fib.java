package dev.jig.samples.profile;

/** fib(25): 242,785 calls of a method the JIT would inline into itself. */
final class Fib {

    private Fib() {
    }

    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
}
