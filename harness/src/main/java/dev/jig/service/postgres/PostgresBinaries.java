package dev.jig.service.postgres;

import dev.jig.service.LocalBinaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds a directory with PostgreSQL's {@code initdb} and {@code postgres}: the configured one only, if there is
 * one; else {@code pg_config --bindir}, then {@code /usr/lib/postgresql/<version>/bin} (newest first), then
 * the {@code PATH}.
 */
final class PostgresBinaries {

    static final String PACKAGES_ROOT = "/usr/lib/postgresql";

    private PostgresBinaries() {
    }

    static LocalBinaries find(Path configured) {
        return find(configured, Path.of(PACKAGES_ROOT), System.getenv("PATH"), true);
    }

    /** With the roots given, so that tests can look where nothing is. */
    static LocalBinaries find(Path configured, Path packagesRoot, String pathVariable, boolean askPgConfig) {
        List<String> searched = new ArrayList<>();
        if (configured != null) {
            boolean ok = complete(configured);
            searched.add(configured + " (configured: " + PostgresSpec.BIN_KEY + " or binDir(...)): "
                    + (ok ? "found" : "no initdb and postgres there"));
            return new LocalBinaries(ok ? Optional.of(configured) : Optional.empty(), searched, true);
        }
        List<Path> candidates = new ArrayList<>();
        if (askPgConfig) {
            Optional<Path> bindir = pgConfigBindir(pathVariable);
            searched.add("pg_config --bindir: " + bindir.map(Path::toString).orElse("no pg_config on the PATH"));
            bindir.ifPresent(candidates::add);
        }
        List<Path> packaged = packaged(packagesRoot);
        searched.add(packagesRoot + "/*/bin: " + (packaged.isEmpty() ? "none" : packaged));
        candidates.addAll(packaged);
        List<Path> onPath = pathDirectories(pathVariable);
        searched.add("PATH (" + (pathVariable == null ? "unset" : pathVariable) + ")");
        candidates.addAll(onPath);
        return new LocalBinaries(candidates.stream().filter(PostgresBinaries::complete).findFirst(), searched, false);
    }

    static boolean complete(Path dir) {
        return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("postgres"));
    }

    private static List<Path> packaged(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin")).filter(Files::isDirectory)
                    .sorted(Comparator.comparing(PostgresBinaries::versionOf).reversed()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static double versionOf(Path bin) {
        try {
            return Double.parseDouble(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static List<Path> pathDirectories(String pathVariable) {
        if (pathVariable == null || pathVariable.isBlank()) {
            return List.of();
        }
        return Stream.of(pathVariable.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                .toList();
    }

    private static Optional<Path> pgConfigBindir(String pathVariable) {
        Optional<Path> pgConfig = pathDirectories(pathVariable).stream().map(dir -> dir.resolve("pg_config"))
                .filter(Files::isExecutable).findFirst();
        if (pgConfig.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(pgConfig.get().toString(), "--bindir").redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 && !out.isEmpty() ? Optional.of(Path.of(out)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
