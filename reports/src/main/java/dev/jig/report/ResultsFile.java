package dev.jig.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.jig.record.RunRecord;
import dev.jig.support.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Reads and writes {@code results.json} (schema {@code jig-results/1}). Writes are atomic: the file is
 * written beside its destination under a temporary name and then renamed, so a reader never sees half a
 * file, even when several JVMs write reports into one directory.
 *
 * <pre>{@code
 * Path written = ResultsFile.write(run, Path.of("target/jig-report"));
 * RunRecord again = ResultsFile.read(written);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ResultsFile {

    /** The file name inside a report directory. */
    public static final String FILE_NAME = "results.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsFile() {
    }

    /** Writes the run as {@code results.json} into {@code directory} (created if missing). */
    public static Path write(RunRecord run, Path directory) {
        return writeFile(run, directory.resolve(FILE_NAME));
    }

    /** Writes the run atomically to exactly {@code target}; its directory is created if missing. */
    static Path writeFile(RunRecord run, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            AtomicFiles.write(target, temp -> MAPPER.writeValue(temp.toFile(), run));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage()
                    + ". Check that the report directory (key jig.report.dir) is writable.", e);
        }
    }

    /** Reads a results file; fails with a clear message if it is not one. */
    public static RunRecord read(Path file) {
        RunRecord run;
        try {
            run = MAPPER.readValue(file.toFile(), RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + " as " + RunRecord.SCHEMA + ": "
                    + e.getMessage(), e);
        }
        if (!RunRecord.SCHEMA.equals(run.schema())) {
            throw new IllegalArgumentException(file + " has schema '" + run.schema() + "', expected '"
                    + RunRecord.SCHEMA + "'. It was written by another version of Jig.");
        }
        return run;
    }
}
