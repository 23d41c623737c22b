package dev.jig.report;

import dev.jig.record.RunRecord;
import dev.jig.support.JigLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * A report directory that several launcher sessions (Surefire forks, re-runs, IDE runs) write into without
 * clobbering each other: each session writes its own part ({@code parts/<run-id>.json}), then, holding a file
 * lock, merges every part into {@code results.json} and {@code index.html}. A test recorded by several
 * sessions appears once, from the session that started last. Parts stay until the directory is cleaned
 * ({@code mvn clean}).
 *
 * <pre>{@code
 * ReportDirectory.Published report = ReportDirectory.publish(run, Path.of("target/jig-report"));
 * System.out.println(report.html().toUri());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReportDirectory {

    /** The folder of per-session parts inside a report directory. */
    public static final String PARTS = "parts";

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);
    // FileLock is per JVM process: sessions inside one JVM queue on this first.
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private ReportDirectory() {
    }

    /** What a publish wrote: the merged run and its two files. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record Published(RunRecord merged, Path results, Path html) {
    }

    /** Writes this session's part, then merges all parts into results.json and index.html. */
    public static Published publish(RunRecord run, Path directory) {
        Path parts = directory.resolve(PARTS);
        ResultsFile.writeFile(run, parts.resolve(fileNameFor(run.run().id())));
        lockInProcess(directory);
        try (FileChannel channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = acquire(channel, directory)) {
            RunRecord merged = ResultsMerge.merge(readParts(parts));
            Path results = ResultsFile.write(merged, directory);
            Path html = HtmlReport.write(merged, directory);
            return new Published(merged, results, html);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not merge the report in " + directory + ": " + e.getMessage(), e);
        } finally {
            IN_PROCESS.unlock();
        }
    }

    private static void lockInProcess(Path directory) {
        try {
            if (!IN_PROCESS.tryLock(LOCK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("Timed out after " + LOCK_TIMEOUT.toSeconds() + " s waiting for"
                        + " another session in this JVM to finish writing the report in " + directory);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to write the report in " + directory, e);
        }
    }

    private static FileLock acquire(FileChannel channel, Path directory) throws IOException {
        long deadline = System.nanoTime() + LOCK_TIMEOUT.toNanos();
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Timed out after " + LOCK_TIMEOUT.toSeconds() + " s waiting for the lock "
                        + directory.resolve(".lock") + " held by another JVM writing the report. If no build is"
                        + " running, delete the file.");
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the report lock", e);
            }
        }
    }

    private static List<RunRecord> readParts(Path parts) throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(parts)) {
            for (Path part : files.filter(ReportDirectory::isPart).sorted().toList()) {
                try {
                    runs.add(ResultsFile.read(part));
                } catch (RuntimeException e) {
                    // A part from another Jig version must not stop this build's report; say it was skipped.
                    JigLog.warn("skipped report part " + part + ": " + e.getMessage());
                }
            }
        }
        return runs;
    }

    private static boolean isPart(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") && !name.startsWith(".");
    }

    static String fileNameFor(String runId) {
        return runId.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
    }
}
