package dev.jig.support;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * The daemon threads that fakes and clients block on while they read sockets (accept loops, connections,
 * reply readers), shared by the whole JVM and bounded. Starting a thread costs more than a whole request to a
 * fake; a pooled thread is reused, so a test's fake and client cost about what the raw sockets do. A thread
 * serving a connection goes back to the pool when the connection ends; idle threads end after
 * {@value #IDLE_SECONDS} s.
 *
 * <p>While it runs a task, a thread carries the task's name (e.g. {@code jig-fake-bank-conn-1}), so that
 * thread dumps still say what it serves; idle, it is {@code jig-io-idle}.
 *
 * <pre>{@code
 * IoThreads.run("jig-fake-bank-accept", this::acceptLoop);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class IoThreads {

    /** At most this many threads serve sockets at once, across every fake and client of the JVM. */
    public static final int MAX_THREADS = 1024;
    /** An idle pooled thread ends after this many seconds. */
    public static final int IDLE_SECONDS = 30;

    private static final String IDLE_NAME = "jig-io-idle";
    private static final AtomicInteger BUSY = new AtomicInteger();
    private static final ThreadPoolExecutor POOL = create();

    private IoThreads() {
    }

    private static ThreadPoolExecutor create() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, MAX_THREADS, IDLE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, IDLE_NAME);
                    thread.setDaemon(true);
                    return thread;
                });
        pool.setRejectedExecutionHandler((task, executor) -> {
            throw new RejectedExecutionException("Jig's " + MAX_THREADS + " IO threads are all busy serving open "
                    + "connections of fakes and clients; close the clients and fakes a test no longer needs "
                    + "(each open connection holds one thread)");
        });
        return pool;
    }

    /**
     * Runs {@code task} on a pooled daemon thread named {@code name} while it runs.
     *
     * @throws RejectedExecutionException if {@value #MAX_THREADS} threads are busy already
     */
    public static void run(String name, Runnable task) {
        POOL.execute(() -> {
            Thread self = Thread.currentThread();
            self.setName(name);
            BUSY.incrementAndGet();
            try {
                task.run();
            } finally {
                BUSY.decrementAndGet();
                Thread.interrupted(); // an interrupt meant for this task must not reach the next one
                self.setName(IDLE_NAME);
            }
        });
    }

    /** How many pooled threads run a task now (each open connection of a fake or client holds one). */
    public static int busy() {
        return BUSY.get();
    }

    /** How many pooled threads exist now, busy or idle; never more than {@value #MAX_THREADS}. */
    public static int threads() {
        return POOL.getPoolSize();
    }
}
