package dev.jig.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time and resident memory of a process tree, read from {@code /proc} (Linux) every period and once more
 * just before the tree is stopped (a process's numbers vanish with it). CPU counts user + system time of every
 * live process of the tree plus what they collected from children they reaped ({@code cutime}, {@code cstime});
 * the result is the largest such sum seen. Peak RSS is the largest summed RSS seen, or the largest single
 * high-water mark ({@code VmHWM}), whichever is larger. Elsewhere than Linux both stay 0.
 */
final class ProcessSampler implements AutoCloseable {

    // USER_HZ: the unit of /proc/<pid>/stat times, 100 on every mainstream Linux build.
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final long PAGE_SIZE = 4096;

    private final ProcessHandle root;
    private final Thread thread;
    private long cpuNanos;
    private long peakRss;
    private volatile boolean stopped;

    private ProcessSampler(ProcessHandle root, String name, Duration period) {
        this.root = root;
        this.thread = new Thread(() -> loop(period), "jig-" + name + "-cpu");
        this.thread.setDaemon(true);
    }

    static ProcessSampler start(ProcessHandle root, String name, Duration period) {
        ProcessSampler sampler = new ProcessSampler(root, name, period);
        sampler.sampleNow();
        sampler.thread.start();
        return sampler;
    }

    /** Reads the tree's numbers now. */
    synchronized void sampleNow() {
        if (!root.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        long cpu = 0;
        long rss = 0;
        for (ProcessHandle process : tree) {
            long[] stat = stat(process.pid());
            cpu += stat[0];
            rss += stat[1];
            peakRss = Math.max(peakRss, highWaterMark(process.pid()));
        }
        cpuNanos = Math.max(cpuNanos, cpu);
        peakRss = Math.max(peakRss, rss);
    }

    synchronized long cpuNanos() {
        return cpuNanos;
    }

    synchronized long peakRssBytes() {
        return peakRss;
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }

    private void loop(Duration period) {
        while (!stopped) {
            try {
                Thread.sleep(period.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            sampleNow();
        }
    }

    /** {cpu nanos incl. reaped children, rss bytes} of one process; zeros if it is gone or unreadable. */
    static long[] stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]); // utime stime cutime cstime (fields 14-17)
            long rssPages = Long.parseLong(fields[21]); // rss (field 24)
            return new long[] {ticks * NANOS_PER_TICK, rssPages * PAGE_SIZE};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    private static long highWaterMark(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return 0;
    }
}
