package dev.jig.samples.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Runs another main class and notes the moment it prints its readiness line ("listening on port"):
 * {@link System#nanoTime()} is CLOCK_MONOTONIC on Linux, shared by every process of the machine, so the
 * benchmark can compare it with the moment Jig (or a bare poll) saw the system ready. The time goes to
 * stderr as {@code printed-at <nanos>}, after the line itself.
 */
public final class PrintClockMain {

    private PrintClockMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new LineWatcher(original), true, StandardCharsets.UTF_8));
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    /** Passes bytes through; when a completed line announces readiness, reports when it was printed. */
    private static final class LineWatcher extends OutputStream {
        private final PrintStream target;
        private final StringBuilder line = new StringBuilder();

        LineWatcher(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            target.write(b);
            if (b != '\n') {
                line.append((char) b);
                return;
            }
            target.flush();
            long printedAt = System.nanoTime();
            if (line.indexOf("listening on port") >= 0) {
                System.err.println("printed-at " + printedAt);
                System.err.flush();
            }
            line.setLength(0);
        }

        @Override
        public void flush() {
            target.flush();
        }
    }
}
