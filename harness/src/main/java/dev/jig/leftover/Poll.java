package dev.jig.leftover;

/**
 * The pauses of one wait: 1, 2, 4, 8, 16 ms, then 20 ms each. Most processes go within a millisecond of their
 * signal, so a short first pause saves a stop most of a fixed interval; a long wait still polls gently.
 */
final class Poll {

    private static final long LONGEST_MILLIS = 20;

    private long next = 1;

    /** Sleeps the next pause; false when interrupted (the flag is set again). */
    boolean pause() {
        try {
            Thread.sleep(next);
            next = Math.min(LONGEST_MILLIS, next * 2);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
