package dev.jig.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A second JVM for {@link ReportDirectoryTest}: publishes {@code count} runs into a report directory. */
public final class PublishMain {

    private PublishMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            ReportDirectory.publish(Fixtures.run(prefix + i, Instant.parse("2026-11-23T07:00:00Z").plusSeconds(i),
                    List.of(Fixtures.passing(prefix + i + "()", 1.0))), dir);
        }
    }
}
