package dev.jig.leftover;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * The mark every process Jig starts carries in its environment, and that its descendants inherit whatever they
 * do (double fork, {@code setsid}, a fork during the stop): {@value #VARIABLE}{@code =<registry>/<owner>/<system>}.
 * A system started by a system that Jig started (a test JVM that runs Jig itself) carries both cookies, separated
 * by a space, so each run finds what it started.
 *
 * <pre>{@code
 * Cookie cookie = Cookie.next("atm", registryDirectory);
 * builder.environment().put(Cookie.VARIABLE, cookie.appendTo(System.getenv(Cookie.VARIABLE)));
 * }</pre>
 *
 * @param registry a short hash of the registry directory whose reaper is responsible for it
 * @param owner    the JVM that started the system
 * @param system   the system's name and a number unique in that JVM, e.g. {@code atm.3}
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public record Cookie(String registry, Owner owner, String system) {

    /** The environment variable. */
    public static final String VARIABLE = "JIG_COOKIE";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** A new cookie for a system named {@code name} about to start, reaped by the registry in {@code registry}. */
    public static Cookie next(String name, Path registry) {
        String safeName = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (safeName.length() > 40) {
            safeName = safeName.substring(0, 40);
        }
        return new Cookie(registryKey(registry), Owner.current(), safeName + "." + SEQUENCE.incrementAndGet());
    }

    /** The short hash that names a registry directory in cookies and cgroup names. */
    public static String registryKey(Path registry) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    registry.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** {@code <registry>/<pid>@<start>@<host>/<system>}: no spaces, so that several fit in one variable. */
    public String text() {
        return registry + "/" + owner.label() + "/" + system;
    }

    /** The variable's value for the system: an inherited value (may be null) with this cookie appended. */
    public String appendTo(String inherited) {
        return inherited == null || inherited.isBlank() ? text() : inherited.trim() + " " + text();
    }

    /** The system's name as the cookie says it (without the number). */
    public String systemName() {
        int dot = system.lastIndexOf('.');
        return dot > 0 ? system.substring(0, dot) : system;
    }

    /** Every well-formed cookie in a value of {@value #VARIABLE}; others (a user's own value) are skipped. */
    public static List<Cookie> parseAll(String value) {
        List<Cookie> cookies = new ArrayList<>();
        if (value == null) {
            return cookies;
        }
        for (String word : value.trim().split("\\s+")) {
            parse(word).ifPresent(cookies::add);
        }
        return cookies;
    }

    private static Optional<Cookie> parse(String word) {
        String[] parts = word.split("/", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Owner.parse(parts[1]).map(owner -> new Cookie(parts[0], owner, parts[2]));
    }
}
