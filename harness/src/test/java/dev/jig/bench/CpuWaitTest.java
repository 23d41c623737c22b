package dev.jig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CpuWaitTest {

    @Test
    void sleepingIsNotWaitingForACpuAndStaysIn() throws Exception {
        CpuWait.Mark before = CpuWait.before(BenchTimer.WALL);
        long start = System.nanoTime();
        Thread.sleep(50);
        long took = System.nanoTime() - start;

        long kept = CpuWait.leftOut(before, took);
        // The sleep stays in; only the wait for a CPU after waking up (on a busy machine, 0.1 ms or more) goes.
        assertTrue(kept >= 40_000_000L, "a 50 ms sleep was kept as " + kept + " ns");
        assertTrue(kept <= took, kept + " > " + took);
    }

    @Test
    void theCpuTimerLeavesNothingOut() {
        assertNull(CpuWait.before(BenchTimer.CPU));
        assertEquals(1234, CpuWait.leftOut(null, 1234));
    }

    @Test
    void timeSpentWaitingForACpuThatOthersHaveIsLeftOutButNoMore() throws Exception {
        Assumptions.assumeTrue(CpuWait.AVAILABLE, "the kernel reports no per-thread CPU wait");
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> hogs = new ArrayList<>();
        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors() + 2; i++) {
            Thread hog = new Thread(() -> {
                long x = 0;
                while (!stop.get()) {
                    x += System.nanoTime() & 1;
                }
            });
            hog.setDaemon(true);
            hog.start();
            hogs.add(hog);
        }
        try {
            CpuWait.Mark before = CpuWait.before(BenchTimer.WALL);
            long cpuStart = CpuClock.THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            while (System.nanoTime() - start < 300_000_000L) {
                Thread.onSpinWait();
            }
            long took = System.nanoTime() - start;
            long onCpu = CpuClock.THREADS.getCurrentThreadCpuTime() - cpuStart;

            long kept = CpuWait.leftOut(before, took);
            assertTrue(kept < took, "with more busy threads than CPUs, no wait was left out of " + took + " ns");
            assertTrue(kept >= onCpu * 0.95, "kept " + kept + " ns, less than the " + onCpu + " ns on a CPU");
        } finally {
            stop.set(true);
            for (Thread hog : hogs) {
                hog.join(5_000);
            }
        }
    }

    @Test
    void theWaitIsReportedOnLinux() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertTrue(CpuWait.AVAILABLE, "/proc/thread-self/schedstat should be readable on Linux");
        }
    }
}
