package dev.jig.client;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon timer thread shared by all clients, so that a suite with many clients does not
 * start a timer thread for each. It holds no per-client state.
 */
final class ReplyTimer {

    private ReplyTimer() {
    }

    private static final class Holder {
        static final ScheduledExecutorService TIMER = create();

        private static ScheduledExecutorService create() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "jig-client-reply-timer");
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true); // most timers are cancelled by their reply
            return timer;
        }
    }

    static ScheduledFuture<?> schedule(Runnable task, long nanos) {
        return Holder.TIMER.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }
}
