package dev.jig.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jig.record.BenchStats;
import dev.jig.record.BenchmarkRecord;
import dev.jig.support.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Saved benchmark runs under {@code root/<machine>/<jvm>/<id>.json}: only runs of the same kind of machine
 * (OS, architecture, processors) and the same JVM (vendor, version) are compared with each other.
 *
 * <pre>{@code
 * Baselines baselines = Baselines.at(Path.of(".jig/baselines"));
 * baselines.save("before-refactoring", Map.of(Baseline.key("Codec", "encode"), encodeResult));
 * Optional<Baseline> latest = baselines.find("latest");
 * }</pre>
 *
 * Thread-safe within one JVM: saving merges into the run's file under a lock, so every test of a run adds
 * its benchmarks to the same id.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Baselines {

    /** How many saves of one benchmark under one id a baseline keeps (the oldest go first). */
    public static final int KEPT_RUNS = 10;

    /** The reference meaning "the most recently created saved run". */
    public static final String LATEST = "latest";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final Object LOCK = new Object();

    private final Path root;
    private final String machine;
    private final String jvm;

    private Baselines(Path root, String machine, String jvm) {
        this.root = root;
        this.machine = machine;
        this.jvm = jvm;
    }

    /** Baselines under {@code root} for this machine and JVM. */
    public static Baselines at(Path root) {
        String machine = System.getProperty("os.name") + "-" + System.getProperty("os.arch") + "-"
                + Runtime.getRuntime().availableProcessors() + "cpu";
        String jvm = System.getProperty("java.vm.vendor") + "-" + System.getProperty("java.vm.name") + "-"
                + Runtime.version().feature();
        return new Baselines(root, safe(machine), safe(jvm));
    }

    /** The directory this machine's and JVM's runs are saved in. */
    public Path directory() {
        return root.resolve(machine).resolve(jvm);
    }

    /**
     * Adds {@code benchmarks} to the saved run {@code id}, creating it if needed: each replaces the benchmark of
     * the same key as the latest, and joins its runs (the last {@value #KEPT_RUNS} are kept), so saving the same
     * id again builds a baseline of several runs.
     */
    public Baseline save(String id, Map<String, BenchmarkRecord> benchmarks) {
        requireId(id);
        synchronized (LOCK) {
            try {
                Files.createDirectories(directory());
                Optional<Baseline> existing = read(file(id));
                Map<String, BenchmarkRecord> merged = new HashMap<>(existing.map(Baseline::benchmarks).orElse(Map.of()));
                Map<String, List<SavedRun>> runs = new HashMap<>(existing.map(Baseline::runs).orElse(Map.of()));
                String now = Instant.now().toString();
                benchmarks.forEach((key, b) -> {
                    merged.put(key, b.withBaseline(null).withRelative(null));
                    List<SavedRun> kept = new ArrayList<>(runs.getOrDefault(key, List.of()));
                    Optional<BenchStats> calibrated = Calibrated.stats(b);
                    kept.add(new SavedRun(now, calibrated.orElse(null),
                            calibrated.isPresent() ? Calibrated.machine(b) : null));
                    runs.put(key, List.copyOf(kept.subList(Math.max(0, kept.size() - KEPT_RUNS), kept.size())));
                });
                Baseline saved = new Baseline(id, existing.map(Baseline::created).orElse(now), machine, jvm,
                        merged, runs);
                AtomicFiles.write(file(id), path -> JSON.writeValue(path.toFile(), saved));
                return saved;
            } catch (IOException e) {
                throw new UncheckedIOException("could not save benchmark baseline '" + id + "' in " + directory()
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** The saved run {@code id}, or the newest one for {@code "latest"}; empty when there is none. */
    public Optional<Baseline> find(String reference) {
        return find(reference, null);
    }

    /** Like {@link #find(String)}, but {@code "latest"} skips the run {@code excludeId} (the one being saved). */
    public Optional<Baseline> find(String reference, String excludeId) {
        if (!LATEST.equals(reference)) {
            requireId(reference);
            return read(file(reference));
        }
        return list().stream().filter(b -> !b.id().equals(excludeId))
                .max(Comparator.comparing((Baseline b) -> Instant.parse(b.created())).thenComparing(Baseline::id));
    }

    /** All saved runs for this machine and JVM. */
    public List<Baseline> list() {
        if (!Files.isDirectory(directory())) {
            return List.of();
        }
        List<Baseline> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory())) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                    .forEach(f -> read(f).ifPresent(result::add));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list benchmark baselines in " + directory(), e);
        }
        return result;
    }

    private Path file(String id) {
        return directory().resolve(id + ".json");
    }

    private static Optional<Baseline> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Baseline.class));
        } catch (IOException e) {
            throw new UncheckedIOException("benchmark baseline " + file + " is unreadable (" + e.getMessage()
                    + "): delete it or save a new run", e);
        }
    }

    private static void requireId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("a baseline id is letters, digits, '.', '_' and '-' (or 'latest' "
                    + "to compare), got '" + id + "'");
        }
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]+", "_").toLowerCase(Locale.ROOT);
    }
}
