package dev.jig.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the commit under test without running git: CI variables first, then {@code .git/HEAD}. */
final class GitCommit {

    private GitCommit() {
    }

    static Optional<String> find() {
        for (String variable : new String[] {"GIT_COMMIT", "GITHUB_SHA", "CI_COMMIT_SHA"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path git = dir.resolve(".git");
            if (Files.isDirectory(git)) {
                return fromGitDir(git);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    private static Optional<String> fromGitDir(Path git) {
        try {
            String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
            if (!head.startsWith("ref: ")) {
                return Optional.of(head);
            }
            String ref = head.substring(5);
            Path loose = git.resolve(ref);
            if (Files.exists(loose)) {
                return Optional.of(Files.readString(loose, StandardCharsets.UTF_8).trim());
            }
            Path packed = git.resolve("packed-refs");
            if (Files.exists(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + ref)) {
                        return Optional.of(line.substring(0, line.indexOf(' ')));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
