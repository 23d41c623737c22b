package dev.jig.profiled;

/** A JVM system for the system-profile tests: says "ready", then keeps a core busy in {@link Workload#mix}. */
public final class BusyMain {

    private BusyMain() {
    }

    public static void main(String[] args) {
        System.out.println("ready");
        long sum = 0;
        while (sum >= 0) {
            sum += Workload.busy(100_000_000L) & 1; // until stopped
        }
    }
}
