package dev.jig.service.redis;

import dev.jig.service.LocalBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds {@code redis-server}: the configured one only, if there is one; else on the PATH, then the usual places. */
final class RedisBinaries {

    static final List<Path> USUAL = List.of(Path.of("/usr/bin"), Path.of("/usr/local/bin"),
            Path.of("/opt/homebrew/bin"));

    private RedisBinaries() {
    }

    static LocalBinaries find(Path configured) {
        return find(configured, System.getenv("PATH"), USUAL);
    }

    static LocalBinaries find(Path configured, String pathVariable, List<Path> usual) {
        List<String> searched = new ArrayList<>();
        if (configured != null) {
            boolean ok = Files.isExecutable(configured) && !Files.isDirectory(configured);
            searched.add(configured + " (configured: " + RedisSpec.BIN_KEY + " or binary(...)): "
                    + (ok ? "found" : "no executable there"));
            return new LocalBinaries(ok ? Optional.of(configured) : Optional.empty(), searched, true);
        }
        List<Path> dirs = new ArrayList<>();
        if (pathVariable != null && !pathVariable.isBlank()) {
            Stream.of(pathVariable.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                    .forEach(dirs::add);
        }
        searched.add("redis-server on the PATH (" + (pathVariable == null ? "unset" : pathVariable) + ")");
        usual.stream().filter(dir -> !dirs.contains(dir)).forEach(dirs::add);
        searched.add("then " + usual);
        return new LocalBinaries(dirs.stream().map(dir -> dir.resolve("redis-server")).filter(Files::isExecutable)
                .findFirst(), searched, false);
    }
}
