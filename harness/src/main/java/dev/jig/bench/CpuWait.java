package dev.jig.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The time the measuring thread was ready to run but waited for a CPU that another process had, which the wall
 * timer's rounds leave out: that wait is the machine's load, not the measured code's (on the shared 2-core
 * machine with a load of 7 it made identical runs differ by up to 19 times). Waiting for a reply, a lock or a
 * sleep is not waiting for a CPU and stays in.
 *
 * <p>Linux reports both per thread in {@code /proc/thread-self/schedstat} (time on a CPU, time waiting for one,
 * in ns), read before and after a round, outside the timed code, so the timer's resolution is unchanged. The
 * kernel accounts a wait when the thread gets the CPU back, so no more is left out than the part of the round
 * the thread was not on a CPU. Elsewhere nothing is left out. Each thread keeps its file open (a read costs 2-6
 * µs).
 */
final class CpuWait {

    /** A reading: the thread's time on a CPU and waiting for one so far. */
    record Mark(long running, long waiting) {
    }

    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");
    private static final ThreadLocal<Reader> READERS = ThreadLocal.withInitial(Reader::new);
    /** Whether this kernel reports it (declared after the fields the probe uses). */
    static final boolean AVAILABLE = Files.isReadable(SCHEDSTAT) && READERS.get().read() != null;

    private CpuWait() {
    }

    /** A reading before a round timed with {@code timer}; {@code null} when nothing is to be left out. */
    static Mark before(BenchTimer timer) {
        return timer == BenchTimer.WALL && AVAILABLE ? READERS.get().read() : null;
    }

    /** {@code took} (a round timed since {@code before}) without the time the thread waited for a CPU. */
    static long leftOut(Mark before, long took) {
        if (before == null) {
            return took;
        }
        Mark after = READERS.get().read();
        if (after == null) {
            return took;
        }
        long waited = after.waiting() - before.waiting();
        long offCpu = took - (after.running() - before.running());
        return took - Math.max(0, Math.min(waited, offCpu));
    }

    /** One thread's open file; a thread reads only its own. */
    private static final class Reader {
        private final FileChannel file;
        private final ByteBuffer buffer = ByteBuffer.allocate(96);

        Reader() {
            FileChannel opened;
            try {
                opened = FileChannel.open(SCHEDSTAT);
            } catch (IOException | UnsupportedOperationException e) {
                opened = null;
            }
            this.file = opened;
        }

        /** The first two numbers of the file, or {@code null} when they cannot be read. */
        Mark read() {
            if (file == null) {
                return null;
            }
            buffer.clear();
            try {
                file.read(buffer, 0);
            } catch (IOException e) {
                return null;
            }
            long[] fields = new long[2];
            int end = buffer.position();
            int i = 0;
            for (int f = 0; f < fields.length; f++, i++) {
                int digits = 0;
                for (; i < end && buffer.get(i) >= '0' && buffer.get(i) <= '9'; i++, digits++) {
                    fields[f] = fields[f] * 10 + (buffer.get(i) - '0');
                }
                if (digits == 0) {
                    return null;
                }
            }
            return new Mark(fields[0], fields[1]);
        }
    }
}
