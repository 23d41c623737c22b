package dev.jig.leftover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Finds the running processes of this user (for root: of everyone) whose environment
 * ({@code /proc/<pid>/environ}, as it was when they started) carries a {@link Cookie} that {@code which} accepts. This JVM and its ancestors are never listed, so a
 * run that Jig started itself cannot stop its own test JVM. Off Linux (no {@code /proc}) it finds nothing.
 *
 * <pre>{@code
 * CookieScan.carriers(cookie::equals).forEach(c -> c.process().destroy());
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class CookieScan {

    private static final Path PROC = Path.of("/proc");
    private static final byte[] PREFIX = (Cookie.VARIABLE + "=").getBytes(StandardCharsets.UTF_8);

    /**
     * A running process and the cookies of it that matched.
     *
     * @param process the process
     * @param cookies the matching cookies, at least one
     */
    public record Carrier(ProcessHandle process, List<Cookie> cookies) {
    }

    private CookieScan() {
    }

    /** The processes with a matching cookie, in pid order. */
    public static List<Carrier> carriers(Predicate<Cookie> which) {
        List<Carrier> found = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return found;
        }
        Set<Long> excluded = selfAndAncestors();
        // No owner check of its own: the kernel lets a user read the environ of their own processes only (root:
        // all, so a system that dropped to another user is still found).
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, CookieScan::isPidDirectory)) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                if (!excluded.contains(pid)) {
                    carrier(pid, entry, which).ifPresent(found::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            // /proc changes while it is read; what was found so far is still right
        }
        found.sort((a, b) -> Long.compare(a.process().pid(), b.process().pid()));
        return found;
    }

    /** The processes carrying exactly {@code cookie}. */
    public static List<ProcessHandle> carriersOf(Cookie cookie) {
        return carriers(cookie::equals).stream().map(Carrier::process).toList();
    }

    /** Whether {@code process} carries {@code cookie} (false once it is gone). */
    public static boolean carries(ProcessHandle process, Cookie cookie) {
        return Cookie.parseAll(cookieValue(PROC.resolve(Long.toString(process.pid())).resolve("environ")))
                .contains(cookie);
    }

    private static Optional<Carrier> carrier(long pid, Path entry, Predicate<Cookie> which) {
        String value = cookieValue(entry.resolve("environ"));
        if (value == null) {
            return Optional.empty();
        }
        List<Cookie> matching = Cookie.parseAll(value).stream().filter(which).toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(Processes::running).map(process -> new Carrier(process, matching));
    }

    /** The value of the cookie variable in an environ file (NUL-separated {@code NAME=value}), or null. */
    private static String cookieValue(Path environ) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(environ);
        } catch (IOException | RuntimeException e) {
            return null; // gone, or not ours to read
        }
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            if (startsWithPrefix(bytes, start, end)) {
                return new String(bytes, start + PREFIX.length, end - start - PREFIX.length, StandardCharsets.UTF_8);
            }
            start = end + 1;
        }
        return null;
    }

    private static boolean startsWithPrefix(byte[] bytes, int start, int end) {
        if (end - start < PREFIX.length) {
            return false;
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (bytes[start + i] != PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPidDirectory(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private static Set<Long> selfAndAncestors() {
        Set<Long> pids = new HashSet<>();
        Optional<ProcessHandle> next = Optional.of(ProcessHandle.current());
        while (next.isPresent()) {
            pids.add(next.get().pid());
            next = next.get().parent();
        }
        return pids;
    }
}
