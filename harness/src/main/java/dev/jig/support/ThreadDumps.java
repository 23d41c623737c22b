package dev.jig.support;

import java.io.IOException;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Thread dumps: of this JVM (every thread, the locks it holds and waits for, like {@code jstack -l}) and of another
 * JVM by its pid ({@code jcmd <pid> Thread.print -l}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ThreadDumps {

    private ThreadDumps() {
    }

    /** Every thread of this JVM with its full stack, held monitors and synchronizers, and what it waits for. */
    public static String ofThisJvm() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            appendThread(dump, info);
        }
        return dump.toString();
    }

    private static void appendThread(StringBuilder dump, ThreadInfo info) {
        dump.append('"').append(info.getThreadName()).append("\" #").append(info.getThreadId())
                .append(info.isDaemon() ? " daemon" : "").append(' ').append(info.getThreadState());
        if (info.getLockName() != null) {
            dump.append(" on ").append(info.getLockName());
        }
        if (info.getLockOwnerName() != null) {
            dump.append(" owned by \"").append(info.getLockOwnerName()).append("\" #").append(info.getLockOwnerId());
        }
        dump.append('\n');
        StackTraceElement[] frames = info.getStackTrace();
        for (int i = 0; i < frames.length; i++) {
            dump.append("\tat ").append(frames[i]).append('\n');
            if (i == 0 && info.getLockInfo() != null) {
                dump.append("\t- waiting on ").append(info.getLockInfo()).append('\n');
            }
            for (MonitorInfo monitor : info.getLockedMonitors()) {
                if (monitor.getLockedStackDepth() == i) {
                    dump.append("\t- locked ").append(monitor).append('\n');
                }
            }
        }
        LockInfo[] synchronizers = info.getLockedSynchronizers();
        if (synchronizers.length > 0) {
            dump.append("\tLocked ownable synchronizers:\n");
            for (LockInfo lock : synchronizers) {
                dump.append("\t- ").append(lock).append('\n');
            }
        }
        dump.append('\n');
    }

    /**
     * A thread dump of the JVM {@code process} by {@code jcmd} (from this JVM's {@code java.home}); empty when the
     * process is not a JVM, no {@code jcmd} exists, or it did not answer within {@code timeout}.
     */
    public static Optional<String> ofJvmProcess(ProcessHandle process, Duration timeout) {
        if (!isJvm(process)) {
            return Optional.empty();
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Optional.empty();
        }
        Path out = null;
        try {
            out = Files.createTempFile("jig-thread-dump", ".txt");
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print", "-l")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!dump.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                dump.destroyForcibly();
                return Optional.empty();
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            return dump.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temporary file; the OS cleans it up
                }
            }
        }
    }

    private static boolean isJvm(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/java") || c.endsWith("\\java.exe")).orElse(false);
    }
}
