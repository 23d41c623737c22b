package dev.jig.leftover;

import dev.jig.system.RunningSystem;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What making sure nothing is left running costs: one cookie scan of {@code /proc}, and the start and stop of a
 * {@code sleep} system through Jig (registry, cookie, cgroup where available) against a bare
 * {@link ProcessBuilder} start and SIGTERM, interleaved so both see the same machine load. Prints medians and
 * 90th percentiles.
 *
 * <pre>
 * ./mvnw -B -q verify -pl harness -Pleftover-bench                          # cgroup where one can be made
 * ./mvnw -B -q verify -pl harness -Pleftover-bench -Djig.system.cgroup=off
 * </pre>
 */
public final class LeftoverFigures {

    private static final int SCANS = 50;
    private static final int STARTS = 20;

    private LeftoverFigures() {
    }

    public static void main(String[] args) throws Exception {
        Path registry = Files.createTempDirectory("jig-leftover-figures");
        CgroupHierarchy.Availability cgroups = CgroupHierarchy.availability();
        String cgroup = cgroups.available() ? "yes, " + cgroups.parent().orElseThrow() : "no (" + cgroups.reason() + ")";
        System.out.printf("%d cores, %d processes in /proc, cgroup: %s%n", Runtime.getRuntime().availableProcessors(),
                processCount(), cgroup);
        long[] scans = new long[SCANS];
        for (int i = 0; i < SCANS; i++) {
            long start = System.nanoTime();
            CookieScan.carriers(cookie -> false);
            scans[i] = System.nanoTime() - start;
        }
        long[] jigStart = new long[STARTS];
        long[] jigStop = new long[STARTS];
        long[] bareStart = new long[STARTS];
        long[] bareStop = new long[STARTS];
        for (int i = 0; i < STARTS; i++) {
            long t0 = System.nanoTime();
            RunningSystem system = SystemSpec.command("figures", "sleep", "3100.517")
                    .registry(SystemRegistry.at(registry)).start();
            long t1 = System.nanoTime();
            system.stop();
            long t2 = System.nanoTime();
            Process bare = new ProcessBuilder("sleep", "3101.517").start();
            long t3 = System.nanoTime();
            bare.destroy();
            bare.waitFor();
            long t4 = System.nanoTime();
            jigStart[i] = t1 - t0;
            jigStop[i] = t2 - t1;
            bareStart[i] = t3 - t2;
            bareStop[i] = t4 - t3;
        }
        print("cookie scan of /proc", scans);
        print("Jig start of sleep", jigStart);
        print("Jig stop (tree + cookie + cgroup)", jigStop);
        print("bare ProcessBuilder start", bareStart);
        print("bare SIGTERM + waitFor", bareStop);
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-36s median %7.2f ms   p90 %7.2f ms   (%d rounds)%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6, sorted.length);
    }

    private static long processCount() throws IOException {
        long count = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path ignored : entries) {
                count++;
            }
        }
        return count;
    }
}
